package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.datavec.training.TrainingRun;
import io.github.charrnn.generation.SamplingOptions;

import java.nio.file.Path;

/**
 * The README's Java example: train on a text file, save, load, generate.
 * Run: {@code java -cp charrnn-examples/target/charrnn-examples.jar io.github.charrnn.examples.QuickStart anna.txt "Anna"}
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** Arguments: the text file (default anna.txt) and the prime (default Anna). */
    public static void main(String[] args) {
        Path textFile = Path.of(args.length > 0 ? args[0] : "anna.txt");
        String prime = args.length > 1 ? args[1] : "Anna";

        TextCorpus corpus = TextCorpus.read(textFile);                  // UTF-8 file or folder, held as ids
        CharRnn model = CharRnn.builder()
                .vocabulary(corpus.vocabulary())                        // every distinct character, sorted
                .hiddenSize(512).layers(2).dropout(0.5)                 // the articles' CharRNN(tokens, 512, 2, 0.5)
                .learningRate(0.001).sequenceLength(100)
                .build();
        TrainingRun.builder(corpus, model)                              // 90 % to train on, 10 % to validate
                .batchSize(128).epochs(1).validateEvery(100)
                .modelFile(Path.of("anna.zip"))                          // saved at the end, anna.losses.csv beside it
                .listener(p -> System.out.printf("step %d  train loss %.4f  val loss %.4f  %.0f chars/s%n",
                        p.step(), p.trainLoss(), p.validationLoss(), p.charsPerSecond()))
                .build().run();

        CharRnn loaded = CharRnn.load(Path.of("anna.zip"));
        System.out.println(prime + loaded.generate(prime, SamplingOptions.builder().length(1000).topK(5).seed(1).build()));
    }
}
