package io.github.charrnn.spark;

import io.github.charrnn.datavec.corpus.CorpusException;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.vocabulary.Vocabulary;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a corpus through Spark, so that any path Hadoop reads works ({@code hdfs://}, {@code s3a://} with
 * hadoop-aws on the class path, {@code file:}): the files under the path are read on the executors as UTF-8 and
 * joined on the driver in path order, a newline added after a file that does not end with one, as
 * {@link TextCorpus#read} joins a local folder. The whole text is held on the driver.
 */
final class SparkTexts {

    private SparkTexts() {
    }

    static TextCorpus read(JavaSparkContext spark, String location, Vocabulary vocabulary) {
        List<Tuple2<String, String>> files;
        try {
            files = new ArrayList<>(spark.wholeTextFiles(location).collect());
        } catch (Exception e) {   // Hadoop's IOExceptions arrive undeclared through Scala
            throw new CorpusException("Spark could not read " + location + ": " + e.getMessage()
                    + "; give a file or folder the driver and executors can read.", e);
        }
        if (files.isEmpty()) {
            throw new CorpusException("Spark found no file at " + location + ".");
        }
        files.sort(Comparator.comparing(Tuple2::_1));
        StringBuilder text = new StringBuilder();
        for (Tuple2<String, String> file : files) {
            text.append(file._2());
            if (!file._2().isEmpty() && !file._2().endsWith("\n") && files.size() > 1) {
                text.append('\n');
            }
        }
        if (text.length() == 0) {
            throw new CorpusException("The text at " + location + " is empty.");
        }
        return TextCorpus.of(location, text.toString(), vocabulary);
    }
}
