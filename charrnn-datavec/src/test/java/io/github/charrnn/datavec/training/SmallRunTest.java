package io.github.charrnn.datavec.training;

import io.github.charrnn.model.CharRnnConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The small run's network: the articles' defaults with the small run's four values. */
class SmallRunTest {

    @Test
    void theSmallNetworkIsTheDefaultsWithItsOwnSizeDropoutRateAndSequence() {
        CharRnnConfig articles = CharRnnConfig.DEFAULTS;
        assertEquals(new CharRnnConfig(128, articles.layers(), 0.1, 0.004, articles.gradientClip(), 50, 12345L,
                articles.cellType()), SmallRun.CONFIG);
        assertEquals(32, SmallRun.BATCH_SIZE);
        assertEquals(600, SmallRun.STEPS);
    }
}
