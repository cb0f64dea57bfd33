package io.github.charrnn.kernel;

import java.util.Locale;

/**
 * What a training product's operands are rounded to before they are multiplied; the sums are single precision
 * either way. Evaluation, scoring and generation always multiply in single precision.
 *
 * <p>Setting: the system property {@value #PROPERTY}: {@code auto} (the default: bfloat16 operands on a CPU with
 * Intel AMX tiles, where they were measured to train several times faster with the same validation loss,
 * docs/performance.md; single precision elsewhere, where oneDNN's bfloat16 products without tiles were slower than
 * its single-precision ones), {@code fp32} or {@code bf16} (refused in one sentence on a CPU without bfloat16
 * instructions).
 */
public enum ProductPrecision {
    /** Single-precision operands. */
    FP32("single-precision operands"),
    /** Operands rounded to bfloat16 (round to nearest even), products summed in single precision. */
    BF16("bfloat16 operands, single-precision sums");

    /** System property with the setting for training: {@code auto}, {@code fp32} or {@code bf16}. */
    public static final String PROPERTY = "charrnn.trainingPrecision";

    private final String description;

    ProductPrecision(String description) {
        this.description = description;
    }

    /** What the products' operands are, for reports such as {@code bench}'s. */
    public String description() {
        return description;
    }

    /** Whether bfloat16 products can run here: oneDNN in use, on a CPU with bfloat16 instructions it can use. */
    public static boolean bf16Available() {
        return GemmLibrary.chosen() == GemmLibrary.ONEDNN && Bf16Gemm.supported();
    }

    /**
     * The precision for training products, from {@value #PROPERTY} and the CPU, read at each call (a training run
     * asks once). IllegalArgumentException, in one sentence, for a setting that cannot be followed.
     */
    public static ProductPrecision forTraining() {
        String setting = System.getProperty(PROPERTY, "auto");
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return GemmLibrary.chosen() == GemmLibrary.ONEDNN && Bf16Gemm.hasMatrixTiles() ? BF16 : FP32;
            case "fp32":
                return FP32;
            case "bf16":
                if (!bf16Available()) {
                    throw new IllegalArgumentException(PROPERTY + "=bf16, but this CPU has no bfloat16 instructions that"
                            + " oneDNN can use (or oneDNN is not in use); use auto or fp32.");
                }
                return BF16;
            default:
                throw new IllegalArgumentException(PROPERTY + " must be auto, fp32 or bf16; got '" + setting + "'.");
        }
    }
}
