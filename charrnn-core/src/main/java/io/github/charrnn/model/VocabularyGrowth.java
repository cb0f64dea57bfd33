package io.github.charrnn.model;

import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a trained network's weights into a network of the same architecture over a larger vocabulary, for
 * fine-tuning on a text with new characters. A vocabulary is sorted by code point, so a new character shifts the ids
 * after it: every old character's row of the first layer's input weights (the rows the embedding or the one-hot
 * input gathers by id) and its column of the output layer's weights and bias move to its new id with their values;
 * the new characters keep what the fresh network was initialised with. Every other parameter is copied as it is.
 */
public final class VocabularyGrowth {

    private final Vocabulary from;
    private final Vocabulary to;
    private final long[] newIds;   // per old id, its id in the new vocabulary

    /**
     * @param from  the trained network's vocabulary
     * @param to    the new vocabulary: every character of {@code from}, and maybe more
     * @throws IllegalArgumentException if {@code to} lacks characters of {@code from}
     */
    public VocabularyGrowth(Vocabulary from, Vocabulary to) {
        this.from = from;
        this.to = to;
        this.newIds = new long[from.size()];
        for (int id = 0; id < from.size(); id++) {
            int codePoint = from.codePoint(id);
            if (!to.contains(codePoint)) {
                throw new IllegalArgumentException("The new vocabulary lacks " + Vocabulary.describe(codePoint)
                        + " of the trained model's; it must hold all of them.");
            }
            newIds[id] = to.id(codePoint);
        }
    }

    /** The vocabulary of both: every character of {@code model} and of {@code text}, sorted by code point. */
    public static Vocabulary union(Vocabulary model, Vocabulary text) {
        int[] all = new int[model.size() + text.size()];
        for (int i = 0; i < model.size(); i++) {
            all[i] = model.codePoint(i);
        }
        for (int i = 0; i < text.size(); i++) {
            all[model.size() + i] = text.codePoint(i);
        }
        return Vocabulary.fromCodePoints(all);
    }

    /** The characters of the new vocabulary that the old one lacks, as code points in order. */
    public List<Integer> added() {
        List<Integer> added = new ArrayList<>();
        for (int id = 0; id < to.size(); id++) {
            if (!from.contains(to.codePoint(id))) {
                added.add(to.codePoint(id));
            }
        }
        return added;
    }

    /**
     * Copies {@code trained}'s weights into {@code grown}, a freshly initialised network of the same architecture
     * over the new vocabulary, moving the per-character rows and columns.
     *
     * @param outputLayer  the index of the output layer
     */
    public void copy(MultiLayerNetwork trained, MultiLayerNetwork grown, int outputLayer) {
        for (Map.Entry<String, INDArray> entry : trained.paramTable().entrySet()) {
            String key = entry.getKey();
            INDArray old = entry.getValue();
            INDArray target = grown.getParam(key);
            if (key.equals("0_W")) {
                for (int id = 0; id < newIds.length; id++) {
                    target.getRow(newIds[id]).assign(old.getRow(id));
                }
            } else if (old.rank() == 1 && key.equals(outputLayer + "_b")) {
                for (int id = 0; id < newIds.length; id++) {
                    target.putScalar(newIds[id], old.getDouble(id));
                }
            } else if (key.equals(outputLayer + "_W") || key.equals(outputLayer + "_b")) {
                for (int id = 0; id < newIds.length; id++) {
                    target.get(NDArrayIndex.all(), NDArrayIndex.point(newIds[id])).assign(
                            old.get(NDArrayIndex.all(), NDArrayIndex.point(id)));
                }
            } else {
                if (!java.util.Arrays.equals(old.shape(), target.shape())) {
                    throw new IllegalArgumentException("The networks differ in " + key + ": "
                            + java.util.Arrays.toString(old.shape()) + " and " + java.util.Arrays.toString(target.shape()) + ".");
                }
                target.assign(old);
            }
        }
    }

    /** The new vocabulary. */
    public Vocabulary vocabulary() {
        return to;
    }
}
