package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled values inside one line of a page's header or footer: {@code Źródło: PAP}, {@code … - Fonte: Agência
 * Brasil - Foto: …}, {@code 2017-03-10 来源：网易科学人作者：责任编辑：肖春芳}. A value runs to the next label or to a
 * separator ({@code |}, {@code  - }, {@code  · }).
 */
final class LabelledFields {

    /** What a label announces. */
    enum Type {
        SOURCE, AUTHOR, PHOTO, EDITOR, OTHER
    }

    /** One labelled value. */
    record Field(Type type, String label, String value, int start, int end) {

        /** The label and its value as they stand in the line. */
        String span(String line) {
            return line.substring(start, end).strip();
        }
    }

    private static final String SOURCE = "sources?|fuentes?|fontes?|quellen?|bron|источник|джерело|المصدر|مصدر|منبع|forr[aá]s|l[aä]hde"
            + "|kilde|k[aä]lla|kaynak|[źz]r[óo]d[łl]o|zdroj|sumber|ngu[ồo]n|sursa|πηγή|מקור|izvor|vir|avots|[šs]altinis|allikas"
            + "|agencia|agência|agence|agenzia|agentur|agency|provider|proveedor|origen|origine|herkunft|via|v[íi]a";
    private static final String SOURCE_CJK = "来源|來源|稿源|消息来源|出典|出所|配信元|提供|출처|제공";
    private static final String AUTHOR = "autor(?:a|es|zy)?|authors?|auteurs?|autore|autori|by|por|par|von|door|przez|автор|text|texto|texte"
            + "|reportage|redacci[óo]n|reda[cç][ãa]o|r[ée]daction|redakce|written\\s+by|escrito\\s+por|tekst|szerz[őo]";
    private static final String AUTHOR_CJK = "作者|文|记者|記者|기자|筆者";
    private static final String PHOTO = "fotos?|fot[óo]|photos?|photographs?|photography|bild(?:er)?|beeld|images?|imagen|imagem|immagine|zdj[ęe]cie"
            + "|[źz]r[óo]d[łl]o\\s+zdj[ęe]cia(?:\\s+g[łl][óo]wnego)?|фото|ảnh|kuva|k[ée]p|fotograf[íi]a|cr[ée]dits?(?:\\s+photos?)?"
            + "|cr[ée]dito|photo\\s+credit|image\\s+credit|fotocredit|bildquelle|foto\\s*:\\s*quelle|collage|коллаж|колаж|kola[żz]|montage|fotomontaje"
            + "|fotomontagem|illustration|ilustraci[óo]n|ilustra[çc][ãa]o|grafik|infografik|infograf[ií]a";
    private static final String PHOTO_CJK = "写真|사진|图片|圖片|摄影|攝影|图|圖";
    private static final String EDITOR = "editor|edited\\s+by|redakcja|redaktion|redakteur|redattore|editora?";
    private static final String EDITOR_CJK = "责任编辑|責任編輯|编辑|編輯|责编|校对";
    private static final String OTHER = "publicado|published|updated|actualizado|atualizado|aktualizacja|publikacja|mis\\s+[àa]\\s+jour"
            + "|publi[ée]|datum|date|fecha|data|stand|erschienen";
    private static final String OTHER_CJK = "发布时间|時間|时间|日期|입력|수정|발행";

    private static final Pattern LABEL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<latin>(?<source>" + SOURCE + ")|(?<author>" + AUTHOR + ")|(?<photo>" + PHOTO + ")|(?<editor>" + EDITOR
                    + ")|(?<other>" + OTHER + "))\\s*[:：]"
                    + "|(?<cjk>(?<sourceC>" + SOURCE_CJK + ")|(?<authorC>" + AUTHOR_CJK + ")|(?<photoC>" + PHOTO_CJK + ")|(?<editorC>"
                    + EDITOR_CJK + ")|(?<otherC>" + OTHER_CJK + "))\\s*[:：︱|=＝]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|·•]\\s*|\\s+[-–—]+\\s+|\\s{3,}|\\s+/\\s+(?=\\p{L}+\\s*[:：])");

    private LabelledFields() {
    }

    static List<Field> of(String line) {
        List<Field> out = new ArrayList<>();
        if (line.length() > 400 || (line.indexOf(':') < 0 && line.indexOf('：') < 0 && line.indexOf('︱') < 0 && line.indexOf('=') < 0
                && line.indexOf('＝') < 0)) {
            return out;
        }
        Matcher m = LABEL.matcher(line);
        List<int[]> labels = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        while (m.find()) {
            labels.add(new int[] {m.start(), m.end()});
            types.add(type(m));
        }
        for (int i = 0; i < labels.size(); i++) {
            int valueStart = labels.get(i)[1];
            int valueEnd = i + 1 < labels.size() ? labels.get(i + 1)[0] : line.length();
            Matcher sep = SEPARATOR.matcher(line).region(valueStart, valueEnd);
            // A separator ends the value, unless it comes first ("Fonte: - X" is rare; "Foto: a / b" keeps the slash).
            while (sep.find()) {
                if (!line.substring(valueStart, sep.start()).isBlank()) {
                    valueEnd = sep.start();
                    break;
                }
            }
            String value = line.substring(valueStart, valueEnd).strip();
            if (!value.isEmpty() && PartyRegistry.isCjk(value.codePointAt(0)) && value.indexOf(' ') > 0) {
                // Names in Chinese, Japanese and Korean have no spaces: what follows a space is the next item.
                valueEnd = valueStart + line.substring(valueStart).indexOf(value) + value.indexOf(' ');
                value = value.substring(0, value.indexOf(' '));
            }
            String label = line.substring(labels.get(i)[0], labels.get(i)[1]).replaceAll("[:：︱|]\\s*$", "").strip();
            if (!value.isEmpty()) {
                out.add(new Field(types.get(i), label, value, labels.get(i)[0], valueEnd));
            }
        }
        return out;
    }

    private static Type type(Matcher m) {
        if (m.group("source") != null || m.group("sourceC") != null) {
            return Type.SOURCE;
        }
        if (m.group("author") != null || m.group("authorC") != null) {
            return Type.AUTHOR;
        }
        if (m.group("photo") != null || m.group("photoC") != null) {
            return Type.PHOTO;
        }
        if (m.group("editor") != null || m.group("editorC") != null) {
            return Type.EDITOR;
        }
        return Type.OTHER;
    }
}
