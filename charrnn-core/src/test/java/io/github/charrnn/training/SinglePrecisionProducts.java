package io.github.charrnn.training;

import io.github.charrnn.kernel.ProductPrecision;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that hold the training passes to DL4J's own results within single-precision rounding: sets
 * {@value ProductPrecision#PROPERTY} to {@code fp32} while the class runs (on a CPU with AMX tiles the default
 * rounds training products' operands to bfloat16, which Bf16TrainingTest checks on its own terms).
 */
final class SinglePrecisionProducts implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SinglePrecisionProducts.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", String.valueOf(System.getProperty(ProductPrecision.PROPERTY)));
        System.setProperty(ProductPrecision.PROPERTY, "fp32");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String before = context.getStore(NAMESPACE).get("before", String.class);
        if (before == null || before.equals("null")) {
            System.clearProperty(ProductPrecision.PROPERTY);
        } else {
            System.setProperty(ProductPrecision.PROPERTY, before);
        }
    }
}
