package io.github.charrnn.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The word-cloud PNG: size, ink, fonts, refusals. Public for its PNG check, which the command's tests share. */
public class WordCloudPainterTest {

    @TempDir
    Path dir;

    private static final List<WordCount> WORDS = List.of(new WordCount("people", 488), new WordCount("like", 403),
            new WordCount("time", 346), new WordCount("know", 339), new WordCount("good", 299), new WordCount("life", 256),
            new WordCount("work", 239), new WordCount("computer", 237), new WordCount("world", 211), new WordCount("things", 198));

    @Test
    void drawsARealPngOfTheRequestedSizeWithWordsOnIt() throws Exception {
        Path png = dir.resolve("cloud.png");
        WordCloudPainter.Result result = WordCloudPainter.paint(WORDS, 320, 200, 1, png);
        assertEquals(10, result.drawn() + result.noRoom().size());
        assertTrue(result.drawn() >= 8, result.toString());
        assertPngWithInk(png, 320, 200);
    }

    @Test
    void drawsChineseWordsInAFontThatHasTheirGlyphs() throws Exception {
        assumeTrue(CloudFont.installedFamilies().stream().anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("春风明月") == -1
                        && !f.equals(Font.DIALOG) && !f.equals(Font.SANS_SERIF)),
                "no font with CJK glyphs is installed (Debian: fonts-noto-cjk)");
        Path png = dir.resolve("tang.png");
        List<WordCount> words = List.of(new WordCount("作者", 313), new WordCount("杜甫", 39), new WordCount("春风", 13));
        WordCloudPainter.Result result = WordCloudPainter.paint(words, 200, 150, 1, png);
        assertEquals(List.of(), result.noGlyphs());
        assertEquals(3, result.drawn());
        assertPngWithInk(png, 200, 150);
    }

    @Test
    void wordsNoFontCanDrawAreLeftOutAndNoneAtAllIsOneSentence() {
        String unassigned = "x\u0378";   // U+0378 is not a character: no font has a glyph for it
        CloudFont.Choice choice = CloudFont.choose(List.of("abc", unassigned), CloudFont.installedFamilies());
        assertEquals(List.of("abc"), choice.drawable());
        assertEquals(List.of(unassigned), choice.leftOut());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudFont.choose(List.of("\u0378"), CloudFont.installedFamilies()));
        assertTrue(e.getMessage().startsWith("No installed font can draw the words of the word cloud"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CloudFont.choose(List.of("abc"), List.of()));
    }

    @Test
    void badSizesAndNoWordsAreRefused() {
        Path png = dir.resolve("x.png");
        assertEquals("--width must be between 100 and 8000 pixels, got 10.",
                assertThrows(IllegalArgumentException.class, () -> WordCloudPainter.paint(WORDS, 10, 200, 1, png)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WordCloudPainter.paint(List.of(), 300, 200, 1, png));
        Path nowhere = dir.resolve("no/such/folder/x.png");
        assertEquals("Cannot write the word cloud to " + nowhere + ": its folder does not exist.",
                assertThrows(IllegalArgumentException.class, () -> WordCloudPainter.paint(WORDS, 300, 200, 1, nowhere)).getMessage());
    }

    /** The file is a PNG of this size with words drawn on it: at least 2% of its pixels differ from the background. */
    public static void assertPngWithInk(Path png, int width, int height) throws Exception {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        int background = image.getRGB(0, 0);
        long ink = IntStream.range(0, width * height).filter(i -> image.getRGB(i % width, i / width) != background).count();
        assertTrue(ink > width * height / 50, ink + " pixels differ from the background");
    }
}
