package io.github.charrnn.generation;

/**
 * x^a for one exponent a and many non-negative floats x, without a {@code pow} per value: a float is 2^e × m with m
 * in [1, 2), so x^a = (2^a)^e × m^a, both factors read from tables made once per exponent (m^a interpolated linearly
 * between 4,097 points, a relative error below 1e-6 for a up to 10). Zero, subnormal, infinite and NaN inputs go to
 * {@link Math#pow}. Immutable.
 */
final class PowerTable {

    private static final int MANTISSA_BITS = 23;
    private static final int TABLE_BITS = 12;
    private static final int FRACTION_BITS = MANTISSA_BITS - TABLE_BITS;
    private static final double FRACTION_SCALE = 1.0 / (1 << FRACTION_BITS);

    private static volatile PowerTable last;   // samplers of one request share their temperature's table

    private final double exponent;
    private final double[] mantissaPowers = new double[(1 << TABLE_BITS) + 1];   // (1 + j / 4096)^a
    private final double[] binaryPowers = new double[254];                       // 2^((biased - 127) a), biased 1..254

    PowerTable(double exponent) {
        this.exponent = exponent;
        for (int j = 0; j < mantissaPowers.length; j++) {
            mantissaPowers[j] = Math.pow(1 + j / (double) (1 << TABLE_BITS), exponent);
        }
        for (int biased = 1; biased <= 254; biased++) {
            binaryPowers[biased - 1] = Math.pow(2, (biased - 127) * exponent);
        }
    }

    /** The table of exponent a: the one made last if it has that exponent, else a new one. */
    static PowerTable of(double exponent) {
        PowerTable table = last;
        if (table == null || Double.compare(table.exponent, exponent) != 0) {
            table = new PowerTable(exponent);
            last = table;
        }
        return table;
    }

    /** The exponent a. */
    double exponent() {
        return exponent;
    }

    /** x^a for x &ge; 0 (a negative x is taken as 0). */
    double pow(float x) {
        int bits = Float.floatToRawIntBits(x);
        if (bits < 0) {
            return 0;
        }
        int biased = bits >>> MANTISSA_BITS;
        if (biased == 0 || biased == 255) {
            return Math.pow(x, exponent);
        }
        int mantissa = bits & ((1 << MANTISSA_BITS) - 1);
        int j = mantissa >>> FRACTION_BITS;
        double fraction = (mantissa & ((1 << FRACTION_BITS) - 1)) * FRACTION_SCALE;
        double low = mantissaPowers[j];
        return binaryPowers[biased - 1] * (low + fraction * (mantissaPowers[j + 1] - low));
    }
}
