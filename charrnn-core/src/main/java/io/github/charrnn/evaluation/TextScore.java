package io.github.charrnn.evaluation;

/**
 * How likely a model finds a text, character by character: each scored character's loss, -ln p of it given all
 * before it. Immutable.
 */
public final class TextScore {

    private static final double LN_2 = Math.log(2);

    private final double[] losses;
    private final double totalLoss;

    /** @param losses each scored character's loss in nats, in order */
    public TextScore(double[] losses) {
        this.losses = losses.clone();
        double sum = 0;
        for (double loss : losses) {
            sum += loss;
        }
        this.totalLoss = sum;
    }

    /** The number of scored characters. */
    public int characters() {
        return losses.length;
    }

    /** The summed loss in nats: -ln p of the scored text. */
    public double totalLoss() {
        return totalLoss;
    }

    /** The mean loss per scored character in nats (NaN when none was scored). */
    public double meanLoss() {
        return losses.length == 0 ? Double.NaN : totalLoss / losses.length;
    }

    /** The mean loss in bits per character. */
    public double bitsPerCharacter() {
        return meanLoss() / LN_2;
    }

    /** The loss (surprisal) of scored character i in nats. */
    public double loss(int i) {
        return losses[i];
    }

    /** The model's probability of scored character i, exp(-loss). */
    public double probability(int i) {
        return Math.exp(-losses[i]);
    }

    /** Every scored character's loss in nats (a copy). */
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public String toString() {
        return String.format("TextScore[%d characters, mean loss %.4f nats]", losses.length, meanLoss());
    }
}
