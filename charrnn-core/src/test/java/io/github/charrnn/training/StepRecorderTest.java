package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepRecorderTest {

    @Test
    void reportsTheMeanLossSinceTheLastReportEveryReportEveryTotalSteps() {
        List<TrainingProgress> reports = new ArrayList<>();
        StepRecorder recorder = new StepRecorder(1, 3, List.of(reports::add), new ThroughputClock());
        recorder.startEpoch(2);
        for (int step = 1; step <= 7; step++) {
            recorder.stepDone(4, 10, step);   // losses 1..7, steps 2..8 in total
        }
        // reports at total steps 3 and 6: the first after the 2 steps of this run, losses 1, 2; then 3, 4, 5
        assertEquals(List.of(3L, 6L), reports.stream().map(TrainingProgress::step).toList());
        assertEquals(1.5, reports.get(0).trainLoss(), 1e-12);
        assertEquals(4.0, reports.get(1).trainLoss(), 1e-12);
        assertEquals(2, reports.get(0).epoch());
        assertFalse(reports.get(0).validated());
        assertTrue(Double.isNaN(reports.get(0).validationLoss()));

        assertEquals(8, recorder.totalSteps());
        assertEquals(7, recorder.runSteps());
        assertEquals(7 * 4 * 10, recorder.runChars());
        assertEquals(7.0, recorder.lastStepLoss());

        // an extra report (after a validation) averages the steps since the last one: 6 and 7
        recorder.validationDone(2.5);
        recorder.report(true);
        TrainingProgress validated = reports.get(2);
        assertEquals(8, validated.step());
        assertEquals(6.5, validated.trainLoss(), 1e-12);
        assertEquals(2.5, validated.validationLoss());
        assertTrue(validated.validated());
        assertEquals(2.5, recorder.validationLoss());
        // with no step since, a report repeats the last reported loss
        recorder.report(false);
        assertEquals(6.5, reports.get(3).trainLoss(), 1e-12);
    }

    @Test
    void recentLossIsTheMeanOfTheLastTenStepsOfTheRun() {
        StepRecorder recorder = new StepRecorder(0, 100, List.of(), new ThroughputClock());
        assertTrue(Double.isNaN(recorder.recentLoss()));
        recorder.stepDone(1, 1, 4);
        assertEquals(4.0, recorder.recentLoss(), 1e-12);   // a run of one step: its loss (was 0 before the fix)
        recorder.stepDone(1, 1, 6);
        assertEquals(5.0, recorder.recentLoss(), 1e-12);
        for (int step = 1; step <= 25; step++) {
            recorder.stepDone(1, 1, step);
        }
        assertEquals((16 + 25) / 2.0, recorder.recentLoss(), 1e-12);   // 16..25
    }

    @Test
    void throughputIsRunCharactersPerSecondOfTrainingTime() throws InterruptedException {
        ThroughputClock clock = new ThroughputClock();
        StepRecorder recorder = new StepRecorder(0, 1, List.of(), clock);
        assertEquals(0.0, recorder.charsPerSecond());   // no training time yet
        clock.start();
        Thread.sleep(20);
        clock.stop();
        recorder.stepDone(10, 100, 1);
        double seconds = clock.trainingSeconds();
        assertTrue(seconds >= 0.02);
        assertEquals(1000 / seconds, recorder.charsPerSecond(), 1e-9);
        Thread.sleep(5);   // a stopped clock does not run on
        assertEquals(seconds, clock.trainingSeconds());
    }
}
