package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text that converters leave where an image (or other asset) used to be. */
final class Placeholders {

    /** One placeholder: the kind of asset lost and the pattern of the converter's text. */
    private record Rule(String kind, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            // dompdf before 3.0 draws this on the page when it cannot load an image.
            new Rule("image", Pattern.compile("(?i)Image not found or type unknown")),
            new Rule("image", Pattern.compile("(?i)\\[\\s*(?:Image|Picture|Photo)\\s+(?:unavailable|not available|missing|removed|not found)\\s*\\]")),
            new Rule("image", Pattern.compile("(?i)\\[\\s*(?:Imagen|Foto)\\s+no\\s+disponible\\s*\\]")),
            new Rule("image", Pattern.compile("(?i)\\[\\s*(?:Image|Photo)\\s+non\\s+disponible\\s*\\]")),
            new Rule("image", Pattern.compile("(?i)\\[\\s*(?:Imagem|Foto)\\s+(?:indispon[íi]vel|n[ãa]o\\s+dispon[íi]vel)\\s*\\]")),
            new Rule("image", Pattern.compile("(?i)\\[\\s*(?:Image|Imagen|Imagem)\\s*\\]")),
            // The word for "image" or "photo" in brackets, alone or with a few words ("[Bild nicht verfügbar]",
            // "[الصورة غير متوفرة]", "[图片无法显示]", "[Изображение недоступно]"), in other languages.
            new Rule("image", Pattern.compile("(?iu)\\[\\s*(?:Bild|Immagine|Afbeelding|Изображение|Фото|Картинка|Зображення|الصورة|صورة"
                    + "|图片|圖片|图像|画像|이미지|사진|Görsel|Resim|Obraz|Zdjęcie|Εικόνα|תמונה|Kuva)"
                    + "(?:\\s+[^\\]\\[:：]{1,40}|(?<=[\\p{IsHan}\\p{IsHangul}\\p{IsHiragana}\\p{IsKatakana}])[^\\]\\[:：]{1,40})?\\s*\\]")),
            // Word / Outlook, in several languages.
            new Rule("image", Pattern.compile("(?i)The linked image cannot be displayed\\.?(?:\\s+The file may have been moved, renamed, or deleted\\.?)?")),
            new Rule("image", Pattern.compile("(?i)No se puede mostrar la imagen vinculada\\.?")),
            new Rule("image", Pattern.compile("(?i)Impossible d['’]afficher l['’]image liée\\.?")),
            new Rule("image", Pattern.compile("(?i)Não é possível exibir a imagem vinculada\\.?")),
            new Rule("image", Pattern.compile("(?i)To help protect your privacy, (?:Microsoft Office|Outlook|PowerPoint|Word)? ?prevented automatic download of this picture from the Internet\\.?")),
            new Rule("image", Pattern.compile("(?i)Right-click (?:or tap and hold )?here to download pictures\\.?[^\\n]{0,120}")),
            new Rule("image", Pattern.compile("(?i)Para ayudar a proteger su privacidad, [^\\n]{0,40}impidi[óo] la descarga autom[áa]tica de esta imagen[^\\n]{0,40}")),
            new Rule("image", Pattern.compile("(?i)Pour (?:mieux )?(?:aider à )?protéger (?:votre|la) confidentialit[ée][^\\n]{0,60}t[ée]l[ée]chargement automatique de cette image[^\\n]{0,40}")),
            new Rule("image", Pattern.compile("(?i)\\[cid:[^\\]\\s]{1,200}\\]")),
            new Rule("image", Pattern.compile("(?i)\\[\\s*(?:image|picture)\\s*:\\s*[^\\]]{0,120}\\.(?:png|jpe?g|gif|webp|bmp|tiff?)\\s*\\]")),
            new Rule("video", Pattern.compile("(?i)\\[\\s*(?:Video|Vídeo|Vidéo)\\s+(?:unavailable|not available|no disponible|non disponible|indispon[íi]vel)\\s*\\]")),
            new Rule("image", Pattern.compile("(?i)(?:This image|Cette image|Esta imagen|Esta imagem) (?:is no longer available|n['’]est plus disponible|ya no est[áa] disponible|n[ãa]o est[áa] mais dispon[íi]vel)\\.?")));

    private Placeholders() {
    }

    /** Words at least one of which every rule needs: most lines have none, and skip the twenty patterns. */
    private static final List<String> CUES = List.of("[", "imag", "picture", "photo", "foto", "privac",
            "confidentialit", "right-click");

    static boolean mayHoldPlaceholder(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        for (String cue : CUES) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** One placeholder found in a line. */
    record Found(String kind, String marker, int start) {
    }

    static List<Found> inLine(String line) {
        if (!mayHoldPlaceholder(line)) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(line);
            while (m.find()) {
                int start = m.start();
                if (m.group().startsWith("[") && (start > 0 && line.charAt(start - 1) == '!'
                        || m.end() < line.length() && line.charAt(m.end()) == '(')) {
                    continue; // Markdown image or link syntax, not a placeholder
                }
                boolean overlaps = out.stream().anyMatch(f -> start < f.start() + f.marker().length()
                        && f.start() < start + m.group().length());
                if (!overlaps) {
                    out.add(new Found(r.kind(), m.group(), start));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }
}
