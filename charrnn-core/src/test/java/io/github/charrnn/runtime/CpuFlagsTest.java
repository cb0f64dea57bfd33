package io.github.charrnn.runtime;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuFlagsTest {

    @Test
    void parsesTheFirstProcessorsModelAndFlags() {
        CpuFlags flags = CpuFlags.parse(List.of(
                "processor\t: 0",
                "model name\t: AMD EPYC 9R14",
                "flags\t\t: fpu sse2  avx2 avx512f",
                "",
                "processor\t: 1",
                "model name\t: Another CPU",
                "flags\t\t: fpu",
                "no colon here"));
        assertEquals("AMD EPYC 9R14", flags.model());
        assertEquals(Set.of("fpu", "sse2", "avx2", "avx512f"), flags.flags());
        assertTrue(flags.hasAll("avx2", "avx512f"));
        assertTrue(flags.hasAll());
        assertFalse(flags.hasAll("avx2", "avx512bw"));
    }

    @Test
    void withoutLinesTheCpuIsUnknownAndHasNoFlags() {
        CpuFlags flags = CpuFlags.parse(List.of());
        assertEquals("unknown CPU", flags.model());
        assertTrue(flags.flags().isEmpty());
        assertNotNull(CpuFlags.ofThisMachine().model());
    }

    @Test
    void theFlagsAreACopyThatCannotChange() {
        Set<String> mutable = new HashSet<>(Set.of("avx"));
        CpuFlags flags = new CpuFlags("x", mutable);
        mutable.add("avx2");
        assertFalse(flags.hasAll("avx2"));
        assertThrows(UnsupportedOperationException.class, () -> flags.flags().add("sse"));
    }
}
