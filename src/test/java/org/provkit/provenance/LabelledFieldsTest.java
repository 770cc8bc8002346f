package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Labelled values inside one line: each runs to the next label or a separator. */
class LabelledFieldsTest {

    private static List<LabelledFields.Field> of(String line) {
        return LabelledFields.of(line);
    }

    @Test
    void severalLabelsInOneLineAreCutAtSeparators() {
        String line = "Publicado em 03/03/2026 - Fonte: Agência Brasil - Foto: Marcelo Camargo";
        assertThat(of(line)).extracting(LabelledFields.Field::type, LabelledFields.Field::label, LabelledFields.Field::value)
                .containsExactly(tuple(LabelledFields.Type.SOURCE, "Fonte", "Agência Brasil"),
                        tuple(LabelledFields.Type.PHOTO, "Foto", "Marcelo Camargo"));
        assertThat(of(line).get(0).span(line)).isEqualTo("Fonte: Agência Brasil");
    }

    @Test
    void labelsOfManyLanguages() {
        assertThat(of("Źródło: PAP")).extracting(LabelledFields.Field::type, LabelledFields.Field::value)
                .containsExactly(tuple(LabelledFields.Type.SOURCE, "PAP"));
        assertThat(of("Quelle: dpa | Bild: Imago")).extracting(LabelledFields.Field::type, LabelledFields.Field::value)
                .containsExactly(tuple(LabelledFields.Type.SOURCE, "dpa"), tuple(LabelledFields.Type.PHOTO, "Imago"));
        assertThat(of("Texto: Ana Pérez · Edición: Luis")).extracting(LabelledFields.Field::type, LabelledFields.Field::value)
                .containsExactly(tuple(LabelledFields.Type.AUTHOR, "Ana Pérez"));
        assertThat(of("Redaktion: Max Muster")).extracting(LabelledFields.Field::type).containsExactly(LabelledFields.Type.EDITOR);
    }

    @Test
    void chineseLabelsRunWithoutSpacesAndNamesEndAtASpace() {
        assertThat(of("2017-03-10 来源：网易科学人 作者：张三 责任编辑：肖春芳"))
                .extracting(LabelledFields.Field::type, LabelledFields.Field::value)
                .containsExactly(tuple(LabelledFields.Type.SOURCE, "网易科学人"), tuple(LabelledFields.Type.AUTHOR, "张三"),
                        tuple(LabelledFields.Type.EDITOR, "肖春芳"));
    }

    @Test
    void aLabelInsideAWordIsNoLabel() {
        assertThat(of("Resource: none")).isEmpty();
        assertThat(of("Photosynthese: ein Prozess")).isEmpty();
    }

    @Test
    void linesWithoutALabelMarkOrTooLongGiveNothing() {
        assertThat(of("Fonte Agência Brasil")).isEmpty();
        assertThat(of("Fonte: " + "x".repeat(400))).isEmpty();
        assertThat(of("Fonte:   ")).isEmpty();
    }
}
