package io.github.charrnn.kernel;

import java.util.Locale;

/**
 * The library {@link Gemm} hands its products to: oneDNN where its native library is available (Linux x86-64
 * builds), otherwise the OpenBLAS that ND4J loaded.
 *
 * <p>Setting: the system property {@value #PROPERTY}: {@code auto} (the default, as above), {@code onednn} or
 * {@code openblas}. Anything else, or {@code onednn} where it is not available, is refused in one sentence at
 * the first product.
 */
public enum GemmLibrary {
    /** oneDNN's {@code dnnl_sgemm}. */
    ONEDNN("oneDNN 2.5.2"),
    /** ND4J's OpenBLAS, through {@code cblas_sgemm}. */
    OPENBLAS("OpenBLAS 0.3.19");

    /** System property with the setting: {@code auto}, {@code onednn} or {@code openblas}. */
    public static final String PROPERTY = "charrnn.gemm";

    private static volatile GemmLibrary chosen;

    private final String description;

    GemmLibrary(String description) {
        this.description = description;
    }

    /** The library and its version, for reports such as {@code bench}'s. */
    public String description() {
        return description;
    }

    /**
     * The library products run on in this JVM, chosen once from {@value #PROPERTY} and what is available.
     * IllegalArgumentException, in one sentence, for a setting that cannot be followed.
     */
    public static GemmLibrary chosen() {
        GemmLibrary library = chosen;
        if (library == null) {
            // not in a static initialiser: a refused setting then fails every call alike, not as NoClassDefFoundError
            library = choose(System.getProperty(PROPERTY, "auto"));
            chosen = library;
        }
        return library;
    }

    static GemmLibrary choose(String setting) {
        String asked = setting.trim().toLowerCase(Locale.ROOT);
        switch (asked) {
            case "auto":
                return OneDnnGemm.available() ? ONEDNN : OPENBLAS;
            case "openblas":
                return OPENBLAS;
            case "onednn":
                if (!OneDnnGemm.available()) {
                    throw new IllegalArgumentException(PROPERTY + "=onednn, but oneDNN's native library is not available"
                            + " on this platform; use auto or openblas.");
                }
                return ONEDNN;
            default:
                throw new IllegalArgumentException(PROPERTY + " must be auto, onednn or openblas; got '" + setting + "'.");
        }
    }
}
