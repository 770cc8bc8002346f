#!/usr/bin/env python3
"""Deterministic benchmark corpus for provkit (python3 standard library only).

The same arguments always give the same bytes (one seeded PRNG per file), so runs on different
days and machines measure the same work.

  make-corpus.py DIR                        the issue-7 corpus: 4 random files of 128 MiB
                                            + 2,000 articles of 2-40 KB
  make-corpus.py DIR --blobs 4 --blob-bytes 13421773 --articles 200    (the --quick corpus)
  make-corpus.py DIR --blobs 0 --articles 100000 --min-kb 0.5 --max-kb 4   (many small files)
  make-corpus.py DIR --blobs 0 --articles 3000 --bundles 1000              (1,000 folders, one bundle each)

Articles are news dispatches in French, Spanish, English and Portuguese, mostly .txt shaped like
the seed (title, lost-image placeholder, photo credit, dateline with the publisher's tag, body,
"Source: <agency>" line, canonical URL, publisher footer), about a quarter as .html pages
(<title>, og:site_name, canonical link, <img> with a credit caption, some pointing at files that
are not there). So language detection, Tika's charset detection and HTML parsing, and provkit's
attribution rules all do real work. Sizes are log-uniform between --min-kb and --max-kb
(KB = 1,024 bytes): news articles are mostly short.
"""

import argparse
import hashlib
import html
import math
import os
import random
import sys

# (name, short tag, domain, dateline city per language)
AGENCIES = [
    ("Prensa Latina", "PL", "prensa-latina.cu"),
    ("Radio Habana Cuba", "RHC", "radiohc.cu"),
    ("Agencia Cubana de Noticias", "ACN", "acn.cu"),
    ("Agencia EFE", "EFE", "efe.com"),
    ("Agence France-Presse", "AFP", "afp.com"),
    ("Reuters", "Reuters", "reuters.com"),
    ("Xinhua", "Xinhua", "xinhuanet.com"),
    ("Agência Brasil", "ABr", "agenciabrasil.ebc.com.br"),
    ("Agência Lusa", "Lusa", "lusa.pt"),
    ("Telesur", "teleSUR", "telesurtv.net"),
]
# Publishers that republish agency copy (the end of an attribution chain).
PUBLISHERS = [
    ("Radio Habana Cuba", "RHC", "radiohc.cu"),
    ("Granma", "Granma", "granma.cu"),
    ("Cubadebate", "Cubadebate", "cubadebate.cu"),
    ("Telesur", "teleSUR", "telesurtv.net"),
    ("Juventud Rebelde", "JR", "juventudrebelde.cu"),
]
PEOPLE = ["Miguel Díaz-Canel", "Xi Jinping", "Luiz Inácio Lula da Silva", "Raúl Castro", "Bruno Rodríguez",
          "Gustavo Petro", "Claudia Sheinbaum", "António Guterres", "Marcelo Rebelo de Sousa", "Mia Mottley"]
PLACES = ["Cuba", "China", "Brasil", "México", "Venezuela", "Portugal", "Angola", "Vietnam", "Colombia", "Bolivia"]

LANGS = {
    "fr": {
        "words": ("le la les un une des du de et à en pour avec sur dans par au aux ce cette ces son sa ses "
                  "leur leurs nous notre pays président gouvernement ministre coopération relations développement "
                  "peuple nations amitié soutien économie santé éducation culture accord sommet réunion conférence "
                  "international régional national politique sociale commerciale bilatérale stratégique historique "
                  "a été sont seront ont fait signé souligné affirmé rappelé annoncé exprimé ratifié renforcé "
                  "volonté solidarité paix souveraineté blocus sanctions énergie agriculture tourisme jeunesse "
                  "femmes travailleurs médecins vaccins projet programme année semaine mois lundi mardi mercredi "
                  "jeudi vendredi important nouveau nouvelle grand grande premier première dernier également "
                  "ainsi que selon lors entre contre depuis après avant toujours déjà très plus moins"),
        "city": "La Havane", "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                        "septembre", "octobre", "novembre", "décembre"],
        "source": "Source", "image": "Image", "photo": "Photo", "read": "Lire aussi",
        "missing": "Image not found or type unknown",
    },
    "es": {
        "words": ("el la los las un una unos de del y en para con sobre por al este esta estos su sus nuestro "
                  "país presidente gobierno ministro cooperación relaciones desarrollo pueblo naciones amistad "
                  "apoyo economía salud educación cultura acuerdo cumbre reunión conferencia internacional "
                  "regional nacional política social comercial bilateral estratégica histórica ha sido son "
                  "serán han hecho firmado subrayado afirmado recordado anunciado expresado ratificado reforzado "
                  "voluntad solidaridad paz soberanía bloqueo sanciones energía agricultura turismo juventud "
                  "mujeres trabajadores médicos vacunas proyecto programa año semana mes lunes martes miércoles "
                  "jueves viernes importante nuevo nueva gran primer primera último también así como según "
                  "durante entre contra desde después antes siempre ya muy más menos"),
        "city": "La Habana", "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                        "septiembre", "octubre", "noviembre", "diciembre"],
        "source": "Fuente", "image": "Imagen", "photo": "Foto", "read": "Lea también",
        "missing": "Image not found or type unknown",
    },
    "en": {
        "words": ("the a an of and in to for with on by at this that these its their our country president "
                  "government minister cooperation relations development people nations friendship support "
                  "economy health education culture agreement summit meeting conference international regional "
                  "national policy social trade bilateral strategic historic has been are will be have made "
                  "signed stressed affirmed recalled announced expressed ratified strengthened will solidarity "
                  "peace sovereignty blockade sanctions energy agriculture tourism youth women workers doctors "
                  "vaccines project programme year week month Monday Tuesday Wednesday Thursday Friday important "
                  "new great first last also as well as according during between against since after before "
                  "always already very more less"),
        "city": "Havana", "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"],
        "source": "Source", "image": "Image", "photo": "Photo", "read": "Read also",
        "missing": "[Image unavailable]",
    },
    "pt": {
        "words": ("o a os as um uma de do da dos das e em para com sobre por ao este esta estes seu sua seus "
                  "nosso país presidente governo ministro cooperação relações desenvolvimento povo nações "
                  "amizade apoio economia saúde educação cultura acordo cúpula reunião conferência internacional "
                  "regional nacional política social comercial bilateral estratégica histórica foi são serão "
                  "têm feito assinado sublinhado afirmado lembrado anunciado expressado ratificado reforçado "
                  "vontade solidariedade paz soberania bloqueio sanções energia agricultura turismo juventude "
                  "mulheres trabalhadores médicos vacinas projeto programa ano semana mês segunda terça quarta "
                  "quinta sexta importante novo nova grande primeiro primeira último também assim como segundo "
                  "durante entre contra desde depois antes sempre já muito mais menos"),
        "city": "Havana", "months": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                                     "setembro", "outubro", "novembro", "dezembro"],
        "source": "Fonte", "image": "Imagem", "photo": "Foto", "read": "Leia também",
        "missing": "Image not found or type unknown",
    },
}
for spec in LANGS.values():
    spec["words"] = spec["words"].split()
LANG_ORDER = ["fr", "es", "en", "pt"]


def sentence(rng, spec):
    words = [rng.choice(spec["words"]) for _ in range(rng.randint(8, 26))]
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(PEOPLE))
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(PLACES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraphs(rng, spec, budget):
    """Paragraphs of 2-6 sentences until about budget UTF-8 bytes."""
    out, used = [], 0
    while used < budget:
        para = " ".join(sentence(rng, spec) for _ in range(rng.randint(2, 6)))
        out.append(para)
        used += len(para.encode("utf-8")) + 2
    return out


def slug(rng, spec):
    return "-".join(rng.choice(spec["words"]) for _ in range(6)).lower()


def article(rng, lang, target, as_html):
    spec = LANGS[lang]
    agency = rng.choice(AGENCIES)
    publisher = rng.choice(PUBLISHERS)
    title = sentence(rng, spec).rstrip(".")[:120]
    day, month = rng.randint(1, 28), rng.randrange(12)
    url = "https://www.%s/%s/noticias/%d-%s" % (publisher[2], lang, rng.randint(100000, 399999), slug(rng, spec))
    dateline = "%s, %d %s, (%s)-" % (spec["city"], day, spec["months"][month], publisher[1])
    lost_image = rng.random() < 0.3
    credit = rng.random() < 0.6
    attributed = rng.random() < 0.85  # some articles carry no source line: UNATTRIBUTED in audit
    overhead = 600 if as_html else 350
    body = paragraphs(rng, spec, max(200, target - overhead))
    if not as_html:
        lines = ["", "", "# *%s*" % title, "", "---", ""]
        if lost_image:
            lines += ["*%s*" % spec["missing"], ""]
        if credit:
            lines += ["**%s: %s**" % (spec["image"], agency[0]), ""]
        lines += [dateline + " " + body[0], ""]
        for para in body[1:]:
            lines += [para, ""]
        if attributed:
            lines += ["%s: %s" % (spec["source"], agency[0]), ""]
        lines += ["---", "", "<%s>" % url, "", "", "**%s**" % publisher[0], ""]
        text = "\n".join(lines)
    else:
        esc = html.escape
        parts = ["<!DOCTYPE html>", '<html lang="%s">' % lang, "<head>", '<meta charset="utf-8">',
                 "<title>%s</title>" % esc(title),
                 '<meta property="og:site_name" content="%s">' % esc(publisher[0]),
                 '<meta property="og:url" content="%s">' % esc(url),
                 '<link rel="canonical" href="%s">' % esc(url), "</head>", "<body>", "<article>",
                 "<h1>%s</h1>" % esc(title)]
        image = "/images/%d.jpg" % rng.randint(1000, 9999)
        if lost_image:
            parts.append('<figure><img src="%s" alt="%s"><figcaption>%s: %s</figcaption></figure>'
                         % (image, esc(title[:40]), spec["photo"], esc(agency[1])))
        elif credit:
            parts.append('<figure><img src="https://www.%s%s" alt=""><figcaption>%s: %s</figcaption></figure>'
                         % (publisher[2], image, spec["photo"], esc(agency[0])))
        parts.append("<p>%s %s</p>" % (esc(dateline), esc(body[0])))
        parts += ["<p>%s</p>" % esc(p) for p in body[1:]]
        if attributed:
            parts.append("<p><em>%s: %s</em></p>" % (spec["source"], esc(agency[0])))
        parts += ["</article>", '<footer><p>%s</p><p><a href="https://www.%s/">%s</a></p></footer>'
                  % (esc(publisher[0]), publisher[2], publisher[2]), "</body>", "</html>", ""]
        text = "\n".join(parts)
    data = text.encode("utf-8")
    return data


def sub_rng(seed, *key):
    digest = hashlib.sha256(("%s/" % seed + "/".join(map(str, key))).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--seed", default="provkit-bench-1")
    ap.add_argument("--blobs", type=int, default=4, help="random binary files (default 4)")
    ap.add_argument("--blob-bytes", type=int, default=128 << 20, help="size of each (default 128 MiB)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--min-kb", type=float, default=2.0)
    ap.add_argument("--max-kb", type=float, default=40.0)
    ap.add_argument("--html-share", type=float, default=0.25, help="share of articles written as .html")
    ap.add_argument("--bundles", type=int, default=0,
                    help="spread the articles over this many folders bundle-0000/ ... (one bundle each)")
    args = ap.parse_args()

    total_bytes = total_files = 0
    for i in range(args.blobs):
        rng = sub_rng(args.seed, "blob", i)
        path = os.path.join(args.dir, "blobs", "blob-%d.bin" % i)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            left = args.blob_bytes
            while left:
                n = min(left, 8 << 20)
                f.write(rng.randbytes(n))
                left -= n
        total_bytes += args.blob_bytes
        total_files += 1

    lo, hi = math.log(args.min_kb * 1024), math.log(args.max_kb * 1024)
    for i in range(args.articles):
        rng = sub_rng(args.seed, "article", i)
        lang = LANG_ORDER[i % len(LANG_ORDER)]
        as_html = rng.random() < args.html_share
        data = article(rng, lang, int(math.exp(rng.uniform(lo, hi))), as_html)
        name = "%05d_%s.%s" % (i, hashlib.sha256(data).hexdigest()[:16], "html" if as_html else "txt")
        if args.bundles:
            folder = os.path.join(args.dir, "bundle-%04d" % (i % args.bundles), lang)
        else:
            folder = os.path.join(args.dir, "articles", lang, "%02d" % (i // 1000 % 100))
        write(os.path.join(folder, name), data)
        total_bytes += len(data)
        total_files += 1

    print("%d files, %d bytes (%.1f MB) in %s" % (total_files, total_bytes, total_bytes / 1e6, args.dir))


if __name__ == "__main__":
    sys.exit(main())
