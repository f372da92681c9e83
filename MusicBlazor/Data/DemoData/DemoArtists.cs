using static MusicBlazor.Data.DemoData.DemoLanguage;

namespace MusicBlazor.Data.DemoData;

internal enum DemoLanguage { English, French, Spanish, Portuguese, German, Turkish, Russian, Greek, Arabic, Japanese, Korean }

/// <param name="Language">The language of the generated track titles.</param>
internal sealed record DemoArtist(string Name, DemoLanguage Language, string? Biography, IReadOnlyList<DemoAlbum> Albums)
{
    /// <summary>Oldest first: the artist is created with the first and renamed through the rest to <see cref="Name"/>.</summary>
    public string[] FormerNames { get; init; } = [];
}

/// <param name="Cover">A file under wwwroot/images/covers, or null for an album without a cover.</param>
internal sealed record DemoAlbum(string Name, int Year, int TrackCount, string? Cover);

/// <summary>Invented artists: any likeness to a real band is a coincidence.</summary>
internal static class DemoArtists
{
    public static IReadOnlyList<DemoArtist> All { get; } =
    [
        new("Velvet Meridian", English,
            "Dream pop with a brass section, from a harbour town that never appears on maps. Their shows famously start at sunrise.",
            [
                new("Low Tide Choir", 2009, 11, "low-tide-choir.png"),
                new("Paper Satellites", 2013, 13, "paper-satellites.png"),
                new("Every Lighthouse", 2019, 12, "every-lighthouse.png"),
                new("Afterglow Sessions", 2024, 0, "afterglow-sessions.png"),
            ])
        {
            FormerNames = ["The Meridian Club"],
        },
        new("Élodie Marchetti", French,
            "A chanteuse from Lyon whose smoky ballads filled the cafés of the 1960s. She came back after thirty years of silence with an album of duets.",
            [
                new("Chansons du quai", 1962, 12, "chansons-du-quai.png"),
                new("L'été à Marseille", 1965, 11, "lete-a-marseille.png"),
                new("Mélancolie légère", 1968, 10, "melancolie-legere.png"),
                new("Retour à Lyon", 1999, 13, "retour-a-lyon.png"),
            ]),
        new("Orquesta Peñalba Sur", Spanish,
            "A twelve-piece dance orchestra that played every Saturday night in the same ballroom for twenty years.",
            [
                new("Noches de Peñalba", 1951, 12, "noches-de-penalba.png"),
                new("Mambo del Puerto", 1957, 15, "mambo-del-puerto.png"),
                new("Cumbia Azul", 1961, 10, null),
            ]),
        new("Björn Åkesson Trio", English,
            "Piano, double bass and brushes. Åkesson recorded most of the trio's albums in a single take in a converted boathouse.",
            [
                new("Midnight at Skeppsholmen", 1964, 7, "midnight-at-skeppsholmen.png"),
                new("Blå timmen", 1971, 8, "bla-timmen.png"),
            ]),
        new("月影サーカス", Japanese,
            "A Tokyo art-rock collective known for theatrical concerts lit by paper lanterns and shadow puppets.",
            [
                new("夜明けの観覧車", 1998, 11, "yoake-no-kanransha.png"),
                new("硝子の迷路", 2003, 12, "garasu-no-meiro.png"),
            ]),
        new("Соня Белозёрова", Russian,
            "Singer and guitarist from Yaroslavl. Her quiet, literary songs circulated on home-made cassettes long before her first record.",
            [
                new("Письма с Волги", 1979, 10, "pisma-s-volgi.png"),
                new("Зимний сад", 1983, 11, "zimniy-sad.png"),
                new("Тихая гавань", 1988, 0, null),
            ]),
        new("Ορίζοντας Έξι", Greek,
            "Athens new-wave band of the 1980s: chorus-drenched guitars, drum machines and lyrics about the sea.",
            [
                new("Μελτέμι", 1984, 9, "meltemi.png"),
                new("Νυχτερινά λιμάνια", 1987, 10, "nychterina-limania.png"),
            ]),
        new("الواحة الزرقاء", Arabic,
            "An ensemble from Alexandria blending oud, strings and hand percussion. Their 1970s records are prized by collectors.",
            [
                new("ليالي الإسكندرية", 1969, 8, "layali-al-iskandariya.png"),
                new("رمال وقمر", 1974, 9, "rimal-wa-qamar.png"),
                new("نسيم البحر", 1981, 10, "nasim-al-bahr.png"),
            ]),
        new("은하수 정류장", Korean,
            "Seoul indie-pop duo writing bittersweet songs about last buses and all-night convenience stores.",
            [
                new("첫차를 기다리며", 2014, 10, "cheotchareul-gidarimyeo.png"),
                new("여름밤 편의점", 2017, 11, "yeoreumbam-pyeonuijeom.png"),
                new("별빛 우체국", 2022, 15, "byeolbit-ucheguk.png"),
            ]),
        new("Zoë Kowalczyk", English,
            "Songwriter who records spare folk songs on a four-track machine in a farmhouse kitchen.",
            [
                new("Kitchen Radio", 2016, 12, "kitchen-radio.png"),
            ]),
        new("Die Nebelwerke", German,
            "Quartet from Düsseldorf built around motorik drums and a wall of analogue synthesisers.",
            [
                new("Fernwehmaschine", 1974, 6, "fernwehmaschine.png"),
                new("Übergang", 1981, 9, "uebergang.png"),
            ]),
        new("Maré Alta Coletivo", Portuguese,
            "A bossa nova and samba-jazz collective from Niterói. The line-up changes with every record; the guitarist never does.",
            [
                new("Saudade em Azul", 1963, 10, "saudade-em-azul.png"),
                new("Canções de Maré", 1966, 11, null),
                new("Sol de Março", 2002, 14, "sol-de-marco.png"),
            ]),
        new("Copperline Saints", English,
            "Americana five-piece with pedal steel and three-part harmonies.",
            [
                new("Gravel Roads & Gospel", 2006, 12, "gravel-roads-and-gospel.png"),
                new("Dust on the Dashboard", 2010, 11, "dust-on-the-dashboard.png"),
                new("Rust Belt Hymns", 2015, 10, "rust-belt-hymns.png"),
                new("Last Train to Juniper", 2021, 16, "last-train-to-juniper.png"),
            ]),
        new("Neon Kōan", English,
            "Electronic producer who builds slow, glittering tracks from field recordings of temple bells and train stations.",
            [
                new("Shibuya Rain Loop", 2012, 9, "shibuya-rain-loop.png"),
                new("Half-Life of Neon", 2023, 14, "half-life-of-neon.png"),
            ])
        {
            FormerNames = ["Neon Koan"],
        },
        new("Saltwater Cathedral", English, null,
            [
                new("Tidal Organ", 2005, 9, "tidal-organ.png"),
            ]),
        new("Ingrid Sæther", English,
            "Folk singer from the Lofoten islands who sings in English and in her grandmother's dialect.",
            [
                new("Salt and Spruce", 2008, 13, "salt-and-spruce.png"),
            ]),
        new("Дом Ветров", Russian,
            "Post-punk band from Novosibirsk. They rehearsed for three winters in a boiler room before their first concert.",
            [
                new("Бетон и звёзды", 1991, 11, "beton-i-zvyozdy.png"),
                new("Последний трамвай", 1994, 15, "posledniy-tramvay.png"),
                new("Сибирский экспресс", 1999, 10, null),
            ])
        {
            FormerNames = ["Сквозняк"],
        },
        new("Μελίνα Αστεράκη", Greek,
            "Singer from Heraklion whose voice carried the laïkó songs of the 1970s.",
            [
                new("Αγέρας του Νότου", 1972, 10, "ageras-tou-notou.png"),
                new("Ροδάνθη", 1976, 11, "rodanthi.png"),
            ]),
        new("Halcyon Drift Orchestra", English,
            "A chamber orchestra playing ambient music, founded by two film composers. Concerts last as long as the audience stays.",
            [
                new("Slow Weather", 2004, 6, "slow-weather.png"),
                new("The Quiet Instruments", 2018, 7, "the-quiet-instruments.png"),
            ])
        {
            FormerNames = ["Drift Theory", "Halcyon Drift"],
        },
        new("Akwesi Bondzie & the Harmattan Horns", English,
            "Highlife bandleader whose horn section toured West Africa throughout the 1970s.",
            [
                new("Palm Wine Sunday", 1976, 9, "palm-wine-sunday.png"),
            ]),
        new("Ñandú Eléctrico", Spanish,
            "Buenos Aires trio mixing cumbia with vintage drum machines.",
            [
                new("Ritmo de Neón", 2011, 10, "ritmo-de-neon.png"),
                new("Fiesta en Órbita", 2019, 0, "fiesta-en-orbita.png"),
            ]),
        new("Łucja & the Ferrymen", English,
            "Gdańsk folk-rock band. Łucja writes about shipyards, ferries and the long Baltic winter.",
            [
                new("Amber Coast", 2010, 12, "amber-coast.png"),
                new("Crane Lights", 2014, 11, null),
            ]),
        new("青い手紙", Japanese, null,
            [
                new("雨上がりの駅", 2008, 10, "ameagari-no-eki.png"),
                new("春待ちの坂", 2015, 11, "harumachi-no-saka.png"),
            ]),
        new("한여름", Korean,
            "Singer-songwriter from Busan whose piano ballads became late-night radio favourites.",
            [
                new("바다가 보이는 방", 2019, 10, "badaga-boineun-bang.png"),
                new("새벽 세 시", 2025, 0, "saebyeok-se-si.png"),
            ]),
        new("Gölge Çarşı", Turkish,
            "Istanbul psychedelic rock band pairing the bağlama with fuzz guitar.",
            [
                new("Kaybolan Şehir", 1972, 8, "kaybolan-sehir.png"),
                new("Ay Işığı Pazarı", 1975, 9, "ay-isigi-pazari.png"),
            ]),
        new("The Amber Telegraph", English,
            "Beat group from the south coast of England. Two singles, two albums and one famously chaotic television appearance.",
            [
                new("Signals from Brighton", 1966, 14, "signals-from-brighton.png"),
                new("Telegraph Hill", 1970, 10, null),
            ]),
        new("Quiet Pylon", English, "Synth duo recording their first album.", []),
        new("Ștefania Drăgulescu", English, null, []),
        new("سرب الحمام", Arabic, "A young vocal group from Amman; no recordings yet.", []),
        new("Cinder & Sloe", English, null, []),
    ];
}
