package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fields as one multi-channel TIFF read exactly as their PNG channels; bad files fail in one line. */
class TiffStackTest {
    private static final List<Channel> SHUFFLED = List.of(Channel.BLUE, Channel.GREEN, Channel.RED, Channel.YELLOW);
    private static final List<Channel> KAGGLE = List.of(Channel.values());

    @TempDir
    Path tmp;

    private HpaDataset pngs(int bitDepth) throws IOException {
        Path dir = tmp.resolve("png" + bitDepth);
        new SynthDataset(SynthParams.defaults(11, 2, 64, bitDepth)).write(dir, 1, Progress.NONE, null, 0);
        return HpaDataset.open(dir);
    }

    private static void assertSame(FieldImage want, FieldImage got) {
        assertEquals(want.id(), got.id());
        assertEquals(want.width(), got.width());
        assertEquals(want.height(), got.height());
        assertEquals(want.bitDepth(), got.bitDepth());
        for (Channel c : Channel.values()) {
            assertArrayEquals(want.channel(c), got.channel(c), c.suffix());
        }
    }

    @Test
    void omeTiffWithNamedChannelsInAnyOrderReadsAsItsPngs() throws IOException {
        HpaDataset png = pngs(16);
        Path dir = tmp.resolve("ome");
        for (String id : png.ids()) {
            OmeTiffWriter.write(dir.resolve(id + ".ome.tif"), png.read(id), SHUFFLED,
                    List.of("DAPI", "Antibody (protein)", "Microtubules", "ER"));
        }
        HpaDataset ome = HpaDataset.open(dir);
        assertEquals(png.ids(), ome.ids());
        assertTrue(ome.problems().isEmpty(), ome.problems().toString());
        for (String id : png.ids()) {
            assertSame(png.read(id), ome.read(id));
        }
    }

    @Test
    void plainMultiPageTiffsAreRedGreenBlueYellowOrAsChannelsSays() throws IOException {
        HpaDataset png = pngs(8);
        Path plain = tmp.resolve("plain");
        Path shuffled = tmp.resolve("shuffled");
        for (String id : png.ids()) {
            OmeTiffWriter.write(plain.resolve(id + ".tiff"), png.read(id), KAGGLE, null);
            OmeTiffWriter.write(shuffled.resolve(id + ".tif"), png.read(id), SHUFFLED, null);
        }
        HpaDataset a = HpaDataset.open(plain);
        HpaDataset b = HpaDataset.open(shuffled, HpaDataset.LabelPolicy.OPTIONAL,
                ChannelNames.parseOrder("nucleus, protein, microtubules, er"));
        for (String id : png.ids()) {
            assertSame(png.read(id), a.read(id));
            assertSame(png.read(id), b.read(id));
        }
    }

    @Test
    void channelNamesAreMatchedByWord() {
        assertEquals(Channel.BLUE, ChannelNames.of("Hoechst 33342"));
        assertEquals(Channel.YELLOW, ChannelNames.of("er"));
        assertEquals(Channel.GREEN, ChannelNames.of("ANTIBODY"));
        assertEquals(Channel.RED, ChannelNames.of("alpha-tubulin"));
        assertEquals(null, ChannelNames.of("Cy5"));
        assertArrayEquals(new int[] {3, 0, 4, 1}, ChannelNames.parseOrder("protein,er,-,red,dapi"));
        assertThrows(IllegalArgumentException.class, () -> ChannelNames.parseOrder("red,green,blue"));
        assertThrows(IllegalArgumentException.class, () -> ChannelNames.parseOrder("red,green,blue,red"));
    }

    @Test
    void badFilesFailInOneLineNamingTheFile() throws IOException {
        FieldImage field = pngs(16).fields(new FieldFailures()).iterator().next();
        Path noName = tmp.resolve("bad/missing.ome.tif");
        OmeTiffWriter.write(noName, field, KAGGLE, List.of("red", "green", "blue", "Cy5"));
        assertOneLine(noName, "missing channel yellow");

        Path noXml = tmp.resolve("bad/noxml.ome.tiff");
        OmeTiffWriter.write(noXml, field, KAGGLE, null);
        assertOneLine(noXml, "no OME-XML");

        Path wrongAxis = tmp.resolve("bad/axis.ome.tif");
        OmeTiffWriter.write(wrongAxis, field, KAGGLE, List.of("red", "green"));
        assertOneLine(wrongAxis, "has 4 planes but its OME-XML says SizeC=2");

        Path png = tmp.resolve("bad/notiff.tif");
        ImageFiles.writeGray(tmp.resolve("bad/x.png"), new GrayImage(2, 2, 8, new int[4]));
        Files.move(tmp.resolve("bad/x.png"), png);
        assertOneLine(png, "PNG");

        Path three = tmp.resolve("bad/three.tif");
        ImageFiles.writeGray(three, new GrayImage(2, 2, 8, new int[4]));
        assertOneLine(three, "1 channel planes");
    }

    @Test
    void badOmeXmlAndAZAxisFailInOneLine() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> OmeXml.parse("<OME><Image><Pixels SizeC=\"4\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OmeXml.parse("<OME><Image><Pixels SizeC=\"four\"/></Image></OME>"));
        assertEquals("bad OME-XML: Pixels SizeC='four' is not an integer", e.getMessage());
        OmeXml z = OmeXml.parse("<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\"><Image>"
                + "<Pixels SizeC=\"2\" SizeZ=\"2\"><Channel Name=\"DAPI\"/><TiffData IFD=\"5\" FirstC=\"1\"/>"
                + "</Pixels></Image></OME>");
        assertEquals(2, z.sizeZ());
        assertEquals(List.of("DAPI", ""), z.channelNames());
        assertArrayEquals(new int[] {0, 5}, z.ifdOfChannel());
    }

    private void assertOneLine(Path file, String problem) {
        BadInputException e = assertThrows(BadInputException.class, () -> TiffStack.read("x", file, null));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
