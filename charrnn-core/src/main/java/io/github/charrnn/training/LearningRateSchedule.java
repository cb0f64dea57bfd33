package io.github.charrnn.training;

import java.util.Locale;

/**
 * The learning rate of every step of a run: an optional linear warm-up from 0, then constant, stepped, exponential
 * or cosine decay. The rate of a step depends only on how many steps the model had done before it, so a resumed run
 * continues the same curve. Kept in the model file's {@code charrnn.json} (not as a DL4J {@code ISchedule}, so the
 * zip still opens with plain DL4J) and applied by the training loop before every step.
 *
 * <p>For step {@code s} (counted from 0, the steps of earlier runs included), with {@code W = warmupSteps} and
 * {@code t = s - W}:
 * <ul>
 *   <li>{@code s < W}: {@code rate * (s + 1) / W}, reaching the rate at the last warm-up step;</li>
 *   <li>constant: {@code rate};</li>
 *   <li>step: {@code rate * decay^floor(t / decayEvery)};</li>
 *   <li>exp: {@code rate * decay^(t / decayEvery)};</li>
 *   <li>cosine: {@code minRate + (rate - minRate) * (1 + cos(pi * t / (totalSteps - W))) / 2} up to {@code totalSteps},
 *       {@code minRate} after.</li>
 * </ul>
 *
 * <p>Immutable.
 *
 * @param kind         the shape after the warm-up
 * @param rate         the peak rate: Adam's learning rate
 * @param warmupSteps  steps of the linear ramp from 0, 0 for none
 * @param decay        step and exp: the factor per {@code decayEvery} steps, in (0, 1]
 * @param decayEvery   step and exp: steps per decay, at least 1
 * @param minRate      cosine: the rate at the end, in [0, rate]
 * @param totalSteps   cosine: the step count at which it reaches {@code minRate} (the run's planned steps)
 */
public record LearningRateSchedule(Kind kind, double rate, long warmupSteps, double decay, long decayEvery,
                                   double minRate, long totalSteps) {

    /** The default decay factor of step and exp schedules. */
    public static final double DEFAULT_DECAY = 0.97;
    /** The default steps per decay of step and exp schedules. */
    public static final long DEFAULT_DECAY_EVERY = 100;

    /** The shape of the curve after the warm-up. */
    public enum Kind {
        /** The same rate throughout: the articles'. */
        CONSTANT,
        /** Times {@code decay} every {@code decayEvery} steps (torch-rnn). */
        STEP,
        /** Times {@code decay^(t / decayEvery)}, smoothly. */
        EXP,
        /** Half a cosine from the rate down to {@code minRate} over the planned steps (nanoGPT). */
        COSINE;

        /**
         * The kind named {@code name} (constant, step, exp or cosine, any case).
         *
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("The learning-rate schedule must be constant, step, exp or cosine; got '"
                    + name + "'.");
        }

        /** The lower-case name used on the command line. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks every value; the exception names the value and what is allowed. */
    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("The learning-rate schedule needs a kind: constant, step, exp or cosine.");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("The learning rate must be above 0, got " + rate + ".");
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("The warm-up must be 0 or more steps, got " + warmupSteps + ".");
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("The learning-rate decay must be in (0, 1], got " + decay + ".");
        }
        if (decayEvery < 1) {
            throw new IllegalArgumentException("The learning-rate decay interval must be at least 1 step, got " + decayEvery + ".");
        }
        if (!(minRate >= 0 && minRate <= rate)) {
            throw new IllegalArgumentException("The minimum learning rate must be in [0, " + rate + "] (the rate), got "
                    + minRate + ".");
        }
        if (kind == Kind.COSINE && totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("A cosine schedule needs a run of more steps (" + totalSteps
                    + ") than its warm-up (" + warmupSteps + "): give --steps, or a shorter --warmup.");
        }
    }

    /** The same {@code rate} at every step. */
    public static LearningRateSchedule constant(double rate) {
        return new LearningRateSchedule(Kind.CONSTANT, rate, 0, DEFAULT_DECAY, DEFAULT_DECAY_EVERY, 0, 0);
    }

    /** This schedule with a linear warm-up over {@code steps} steps. */
    public LearningRateSchedule withWarmup(long steps) {
        return new LearningRateSchedule(kind, rate, steps, decay, decayEvery, minRate, totalSteps);
    }

    /** The rate of the step taken after {@code stepsDone} steps (the model's steps, earlier runs included). */
    public double rateAt(long stepsDone) {
        if (stepsDone < warmupSteps) {
            return rate * (stepsDone + 1) / warmupSteps;
        }
        long t = stepsDone - warmupSteps;
        return switch (kind) {
            case CONSTANT -> rate;
            case STEP -> rate * Math.pow(decay, Math.floorDiv(t, decayEvery));
            case EXP -> rate * Math.pow(decay, (double) t / decayEvery);
            case COSINE -> t >= totalSteps - warmupSteps ? minRate
                    : minRate + (rate - minRate) * (1 + Math.cos(Math.PI * t / (totalSteps - warmupSteps))) / 2;
        };
    }

    /** Whether every step has the same rate. */
    public boolean flat() {
        return kind == Kind.CONSTANT && warmupSteps == 0;
    }

    /** One line, for messages and {@code info}. */
    public String describe() {
        String warmup = warmupSteps > 0 ? ", warm-up " + warmupSteps + " steps" : "";
        return switch (kind) {
            case CONSTANT -> "constant " + rate + warmup;
            case STEP -> "step: " + rate + " x " + decay + " every " + decayEvery + " steps" + warmup;
            case EXP -> "exp: " + rate + " x " + decay + "^(t/" + decayEvery + ")" + warmup;
            case COSINE -> "cosine: " + rate + " to " + minRate + " at step " + totalSteps + warmup;
        };
    }
}
