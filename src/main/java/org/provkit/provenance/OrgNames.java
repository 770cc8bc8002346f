package org.provkit.provenance;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a name not in the registry reads as an organisation (a news service, paper, broadcaster), a person, or
 * a phrase that names nobody ("Redacción", "All rights reserved").
 */
final class OrgNames {

    /** Words that make a name an organisation's, in the languages of the news. */
    private static final Pattern ORG_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(?:ag[eê]ncia|agence|agenzia|agentur|agency|agencja|ag[eé]ntura"
            + "|nachrichten\\w*|news|noticias|not[íi]cias|nouvelles|notizie|novosti|nieuws|wiadomo[śs]ci|zpr[áa]vy|uutiset|h[íi]rek"
            + "|press|presse|prensa|imprensa|prasa|stampa|pers|tisk|times|post|herald|tribune|gazette|gazeta|gazzetta|zeitung|journal"
            + "|jornal|diario|di[áa]rio|peri[óo]dico|giornale|quotidiano|dziennik|denn[íi]k|gazet[ae]|noviny|revista|magazine|magazin|radio|r[áa]dio|tv|televisi[oó]n|televis[ãa]o"
            + "|t[ée]l[ée]vision|fernsehen|telewizja|broadcasting|network|media|m[ée]dia|medien|group|grupo|groupe|gruppe|service|wire"
            + "|online|daily|weekly|observer|courier|express|mail|telegraph|chronicle|monitor|standard|independent|mundo|monde|welt"
            + "|portal|www|inc|ltd|gmbh|s\\.a\\.|corp|dpg|syndicat\\w*|syndigate|feed|tass|ria|novosti)(?![\\p{L}])");
    /** A newsroom's generic signature: names no party. */
    private static final Pattern GENERIC = Pattern.compile("(?iu)^(?:la\\s+|the\\s+|a\\s+|la\\s+|die\\s+|der\\s+)?(?:redacci[óo]n|reda[cç][ãa]o|r[ée]daction|redaktion|redazione"
            + "|redakcja|redakce|staff|newsroom|news\\s+desk|desk|editorial|agencias|agencies|agences|agenturen|agenzie|various|varios|wire\\s+services?"
            + "|staff\\s+reports?|web\\s+desk|online\\s+desk|team|equipo|[ée]quipe|internet|admin|administrator|webmaster|anonymous|an[óo]nimo"
            + "|hersteller|manufacturer|handout|courtesy|cortes[íi]a|supplied|privat|private|archiv\\w*|arquivo|file|reprodu[çc][ãa]o|screenshot"
            + "|captura|montage|montaje|montagem|illustration|ilustra\\w*|referencia|reference|symbolbild|imago|pixabay|unsplash"
            + "|tous\\s+droits\\s+r[ée]serv[ée]s|all\\s+rights\\s+reserved|todos\\s+los\\s+derechos\\s+reservados)\\.?$");
    /** "All rights reserved" and the like, in many languages: cut from a copyright holder. */
    static final Pattern RIGHTS = Pattern.compile("(?iu)[,.;:\\s]*(?:all\\s+rights\\s+reserved|todos\\s+los\\s+derechos\\s+reservados|todos\\s+os\\s+direitos"
            + "\\s+reservados|tous\\s+droits\\s+r[ée]serv[ée]s|alle\\s+rechte\\s+vorbehalten|tutti\\s+i\\s+diritti\\s+riservati|riproduzione\\s+riservata"
            + "|wszystkie\\s+prawa\\s+zastrze[żz]one|minden\\s+jog\\s+fenntartva|все\\s+права\\s+(?:защищены|соблюдены)|všechna\\s+práva\\s+vyhrazena"
            + "|alle\\s+rettigheder|alle\\s+rechten\\s+voorbehouden|kaikki\\s+oikeudet|visos\\s+teis[ėe]s\\s+saugomos|무단\\s*전재.*|무단전재.*"
            + "|版权所有.*|版權所有.*|禁止转载.*|無断転載.*|some\\s+rights\\s+reserved|derechos\\s+reservados|droits\\s+r[ée]serv[ée]s)\\.?.*$");
    /** Legal forms that follow a company's name. */
    static final Pattern LEGAL_SUFFIX = Pattern.compile("(?iu)[,\\s]+(?:dac|ltd\\.?|limited|llc|l\\.l\\.c\\.|inc\\.?|incorporated|corp\\.?|corporation"
            + "|co\\.?|company|gmbh|ag|s\\.?a\\.?|s\\.?a\\.?s\\.?|s\\.?l\\.?|s\\.?p\\.?a\\.?|s\\.?r\\.?l\\.?|zrt\\.?|kft\\.?|a\\.?s\\.?|a\\.?b\\.?|oy|oyj"
            + "|b\\.?v\\.?|n\\.?v\\.?|plc|pty\\.?|kg|co\\.?\\s*kg|sp\\.?\\s*z\\s*o\\.?\\s*o\\.?|s\\.?a\\.?\\s*de\\s*c\\.?v\\.?|enterprises|holdings?)\\.?$");

    private static final Pattern ARTICLE = Pattern.compile("(?iu)the|la|le|les|el|los|las|l['’]\\p{L}*|der|die|das|il|lo|o|a|os|as|de|het");

    private OrgNames() {
    }

    /** Job titles: "News Reporter", "Senior Correspondent" describe a person, not an organisation. */
    private static final Pattern ROLE_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(?:reporter|correspondent|correspondente|corresponsal|correspondant"
            + "|editor|editora|redakteur(?:in)?|r[ée]dacteur|redattore|writer|columnist|contributor|analyst|producer|photographer|fot[óo]grafo"
            + "|journalist|periodista|jornalista|journaliste|giornalista|reporterin|korrespondent(?:in)?|staff\\s+writer|intern|anchor)(?![\\p{L}])");

    static boolean orgLike(String name) {
        return ORG_WORD.matcher(name).find() && !ROLE_WORD.matcher(name).find();
    }

    /** Names nobody: a newsroom's signature, a rights phrase, "manufacturer", "archive". */
    static boolean generic(String name) {
        String n = name.strip();
        return n.isEmpty() || GENERIC.matcher(n).matches() || RIGHTS.matcher(n).matches() && RIGHTS.matcher(n).start() == 0;
    }

    /** The holder of a copyright line without its rights phrase. */
    static String withoutRights(String holder) {
        return RIGHTS.matcher(holder).replaceFirst("").strip();
    }

    /** A company's name without its legal form ("The Irish Times DAC" → "The Irish Times"; "대전일보사" → "대전일보"). */
    static String withoutLegalForm(String name) {
        String n = name.strip();
        for (int i = 0; i < 3; i++) { // "ScienceAlert Pty Ltd.", "GmbH & Co. KG"
            String m = LEGAL_SUFFIX.matcher(n).replaceFirst("").strip();
            m = Rx.of("(?iu)[,\\s]*(?:&|und|and)$").matcher(m).replaceFirst("").strip();
            if (m.equals(n)) {
                break;
            }
            n = m;
        }
        n = Rx.of("(?u)^(?:АО|ООО|ПАО|ЗАО|ОАО|OOO)\\s+").matcher(n).replaceFirst("").strip();
        if (n.length() >= 3 && n.endsWith("사") && Character.UnicodeScript.of(n.codePointBefore(n.length() - 1)) == Character.UnicodeScript.HANGUL) {
            n = n.substring(0, n.length() - 1);
        }
        return n.isEmpty() ? name.strip() : n;
    }

    /** Whether it has a legal form: the name of a company rather than of its publication. */
    static boolean hasLegalForm(String name) {
        return LEGAL_SUFFIX.matcher(name.strip()).find() || name.strip().toLowerCase(Locale.ROOT).startsWith("copyright by")
                || COMPANY_WORD.matcher(name).find();
    }

    /** Words of a media company's name rather than of a publication's: "Heise Medien", "Lee Enterprises", "DPG Media". */
    private static final Pattern COMPANY_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(?:medien|verlag|verlagsgruppe|mediengruppe|holding|holdings"
            + "|publishing|publications|communications|comunica[çc][ãa]o|comunicaci[óo]n|entertainment|interactive|digital\\s+media|media\\s+group"
            + "|group|gruppe|grupo|groupe|enterprises|corporation)(?![\\p{L}])");

    /** A title starting with an article ("The New Arab", "Le Monde", "Die Zeit"): a publication's name. */
    static boolean titled(String name) {
        String[] words = name.strip().split("\\s+");
        return words.length >= 2 && ARTICLE.matcher(words[0]).matches() && Character.isUpperCase(words[1].codePointAt(0));
    }

    /** A person's name: two to four capitalised words, no organisation word, no digits. */
    static boolean personLike(String name) {
        String n = name.strip();
        if (orgLike(n) || n.codePoints().anyMatch(Character::isDigit)) {
            return false;
        }
        String[] words = n.split("\\s+");
        if (words.length < 2 || words.length > 4 || ARTICLE.matcher(words[0]).matches()) {
            return false; // "The Atlantic", "La Nación", "Der Spiegel" are titles, not people
        }
        for (String w : words) {
            if (w.isEmpty() || !(Character.isUpperCase(w.codePointAt(0)) || w.length() <= 3)) {
                return false;
            }
        }
        return true;
    }
}
