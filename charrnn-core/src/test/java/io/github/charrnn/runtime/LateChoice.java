package io.github.charrnn.runtime;

import org.nd4j.linalg.factory.Nd4j;

/**
 * An application that uses ND4J before charrnn: prints what {@link BlasKernel#choose()} then reports. Run by
 * BlasKernelTest in a child JVM, since OpenBLAS loads once per process.
 */
public final class LateChoice {

    private LateChoice() {
    }

    /** Loads ND4J, then asks charrnn to choose; prints the choice. */
    public static void main(String[] args) {
        Nd4j.create(2, 2);
        System.out.println("choice: " + BlasKernel.choose().describe());
    }
}
