using System.Globalization;

namespace MusicBlazor.Data.DemoData;

/// <param name="Pair">Joins two of <paramref name="Words"/> into a title, e.g. "{0} and {1}".</param>
internal sealed record TitlePool(string Pair, string[] Words, string[] Phrases)
{
    /// <summary>A title not yet in <paramref name="used"/>: a phrase, a single word or a pair of words.</summary>
    public string Next(Random random, HashSet<string> used)
    {
        while (true)
        {
            var roll = random.Next(10);
            var first = random.Next(Words.Length);
            var second = (first + 1 + random.Next(Words.Length - 1)) % Words.Length;
            var title = roll < 5 ? Phrases[random.Next(Phrases.Length)]
                : roll < 7 ? Capitalize(Words[first])
                : Capitalize(string.Format(CultureInfo.InvariantCulture, Pair, Words[first], Words[second]));
            if (used.Add(title))
            {
                return title;
            }
        }
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

internal static class DemoTrackTitles
{
    public static TitlePool For(DemoLanguage language) => language switch
    {
        DemoLanguage.French => French,
        DemoLanguage.Spanish => Spanish,
        DemoLanguage.Portuguese => Portuguese,
        DemoLanguage.German => German,
        DemoLanguage.Turkish => Turkish,
        DemoLanguage.Russian => Russian,
        DemoLanguage.Greek => Greek,
        DemoLanguage.Arabic => Arabic,
        DemoLanguage.Japanese => Japanese,
        DemoLanguage.Korean => Korean,
        _ => English,
    };

    private static TitlePool English { get; } = new("{0} and {1}",
        ["Harbours", "Smoke", "Cinders", "Lanterns", "Thunder", "Orchards", "Mirrors", "Pylons", "Sparrows", "Embers",
         "Driftwood", "Satellites", "Honey", "Gravel", "Tides", "Ashes", "Velvet", "Static", "Wildflowers", "Engines",
         "Shadows", "Rain", "Chrome", "Feathers", "Ivory", "Salt", "Ribbons", "Comets", "Pines", "Echoes"],
        ["Call It Morning", "Drive Slow", "Nobody Sleeps in Harbour Town", "Paper Crown", "Where the Wires Hum",
         "Last Light on Elm Street", "Fold the Map", "Slow Burn Lullaby", "Tin Roof Rain", "Somewhere West of Tuesday",
         "Keep the Porch Light On", "Glass Half Gone", "Weather Report", "Borrowed Coats", "Northbound",
         "Static on the Line", "Ghosts in the Jukebox", "Carry Me Over", "Small Hours", "Lantern Song",
         "Letters I Never Sent", "Quiet as Snowfall", "The Long Way Round", "Twelve Bar Sunday", "Under the Overpass",
         "Half a Mile from Home", "Copper Sky", "Moth to the Neon", "All the Clocks Are Wrong", "Ferris Wheel at Dusk",
         "Kerosene Heart", "Blue Hour", "Tell the River", "Hollow Bones", "Summer Never Called", "Radio Silence",
         "Cold Coffee Blues", "Shoreline", "Morning Ferry", "Second Verse, Same Town"]);

    private static TitlePool French { get; } = new("{0} et {1}",
        ["la mer", "le vent", "la pluie", "le silence", "la lune", "le fleuve", "l'oubli", "la nuit", "le printemps",
         "l'absence", "la lumière", "le quai", "la tendresse", "le brouillard", "l'horizon", "la mémoire", "le hasard",
         "la rose", "l'orage", "le retour"],
        ["Le dernier métro", "Sous les platanes", "Un café pour deux", "La valse des adieux", "Quand tombe la neige",
         "Mon cœur en hiver", "Les amants du pont", "Je t'attendrai encore", "Dimanche à Lyon",
         "La chanson de l'écluse", "Au bord de la Saône", "Les lettres oubliées", "Tout bas", "Pluie d'automne",
         "Là-bas, plus loin", "Ne pars pas ce soir", "Le bal du quartier", "Mélodie pour Hélène", "Café-crème",
         "La fenêtre ouverte", "Après minuit", "Les yeux d'Éloïse", "À la dérive"]);

    private static TitlePool Spanish { get; } = new("{0} y {1}",
        ["la luna", "el mar", "la noche", "el viento", "la guitarra", "el olvido", "la calle", "el fuego", "la sal",
         "el tiempo", "la madrugada", "el río", "la esperanza", "el silencio", "la tormenta", "el recuerdo", "la arena",
         "el corazón"],
        ["Bésame en la orilla", "Noche de farolas", "El último tranvía", "Cumbia del faro", "Sueño de marinero",
         "La niña del abanico", "Amor de medianoche", "Son de la montaña", "Dónde estarás", "Ojos de café",
         "Mañana será otro día", "Guitarra de papel", "Vals para Inés", "Luna de Cádiz", "Cielo de neón",
         "Pequeña revolución", "Ritmo del sábado", "Baile en la azotea", "Señorita Ñandú"]);

    private static TitlePool Portuguese { get; } = new("{0} e {1}",
        ["o mar", "a saudade", "a lua", "o vento", "a chuva", "o samba", "a areia", "o violão", "a tarde", "o silêncio",
         "a maré", "o sol", "a janela", "o coração", "a espera", "o cais"],
        ["Manhã de sal", "Chuva em Niterói", "Barquinho de papel", "Saudade do cais", "Samba da janela",
         "Olhos de maré", "Tarde em Icaraí", "Lua de São João", "Canção para Teresa", "Só mais um samba", "Vento sul",
         "Coração de areia", "Madrugada azul", "Na beira do mar", "Violão cansado", "Quem dera", "Rosa de março",
         "A última bossa"]);

    private static TitlePool German { get; } = new("{0} und {1}",
        ["Nebel", "Stahl", "Licht", "Strom", "Nacht", "Glas", "Regen", "Stille", "Ferne", "Wellen", "Zeit", "Beton",
         "Sterne", "Puls", "Echo", "Rauch"],
        ["Neonlicht über Düsseldorf", "Fernsehturm", "Kreisverkehr", "Morgen ist schon gestern", "Gleis neun",
         "Die lange Fahrt", "Unterwegs nach Irgendwo", "Nebel über dem Rhein", "Zeitlupe", "Maschinenherz",
         "Sternbild", "Funkstille", "Wellenlänge", "Nachtschicht", "Spiegelkabinett", "Grüne Welle"]);

    private static TitlePool Turkish { get; } = new("{0} ve {1}",
        ["deniz", "rüzgâr", "yağmur", "gece", "ateş", "duman", "yıldız", "gölge", "toprak", "sabah", "hasret", "çöl",
         "kum", "yol"],
        ["Boğazda Gece", "Kayıp Kervan", "Yağmurlu Sokak", "Sarı Kurdele", "Eski Plak", "Rüzgârın Kızı",
         "Karanlıkta Dans", "Galata Akşamı", "Kumdan Kaleler", "Yedi Tepe", "Çöl Yıldızı", "Gece Treni",
         "Mavi Duman", "Yalnız Kuş"]);

    private static TitlePool Russian { get; } = new("{0} и {1}",
        ["ветер", "река", "снег", "ночь", "огонь", "тишина", "дорога", "звёзды", "дождь", "память", "туман", "весна",
         "море", "город", "небо", "свет"],
        ["Письмо без адреса", "Зимняя дорога", "Огни на реке", "Кофе на двоих", "Тихий вокзал", "Ночной разговор",
         "Сны о севере", "Песня о дожде", "Город спит", "Бумажный кораблик", "Старый двор", "Окно напротив",
         "Без тебя", "До свидания, лето", "Дым над крышами", "Ветер в проводах", "Белый шум", "Звёздная пыль",
         "Всё пройдёт"]);

    private static TitlePool Greek { get; } = new("{0} και {1}",
        ["η θάλασσα", "ο άνεμος", "το φεγγάρι", "η νύχτα", "ο ήλιος", "η βροχή", "το κύμα", "η σιωπή", "το αλάτι",
         "η αγάπη", "ο δρόμος", "το όνειρο", "η αυγή", "ο χρόνος", "το λιμάνι", "η μνήμη"],
        ["Φεγγάρι στο Αιγαίο", "Νύχτα στην Πλάκα", "Το τελευταίο καράβι", "Μια βαλίτσα αναμνήσεις", "Σαν σήμερα",
         "Τα φώτα του λιμανιού", "Βροχή στην Αθήνα", "Ταξίδι χωρίς επιστροφή", "Το μπαλκόνι", "Μελαγχολία",
         "Ξημερώματα", "Στο πέλαγο", "Χορός της βροχής", "Κόκκινο κρασί", "Ένα τσιγάρο δρόμος"]);

    private static TitlePool Arabic { get; } = new("{0} و{1}",
        ["البحر", "القمر", "الليل", "الريح", "النجوم", "الرمل", "الشوق", "المطر", "الفجر", "الورد", "الصمت", "الحنين",
         "الطريق", "الذكرى"],
        ["يا ليل الإسكندرية", "قهوة الصباح", "على شط البحر", "رسالة من بعيد", "سهرة على السطوح", "طريق القوافل",
         "أغنية للمطر", "شراع أبيض", "ذكريات الميناء", "بين النخيل", "حنين", "ليلة بلا قمر", "موج وحكايات"]);

    private static TitlePool Japanese { get; } = new("{0}の{1}",
        ["海", "月", "夏", "雨", "星", "風", "夜明け", "街", "花火", "雪", "鏡", "影", "空", "灯台", "記憶", "汽車"],
        ["さよならの代わりに", "真夜中のメリーゴーランド", "雨の日曜日", "屋上の月", "ラムネと花火", "最終列車",
         "遠い汽笛", "青い傘", "星屑ラジオ", "夕焼け商店街", "猫と観覧車", "眠れない夜に", "風のゆくえ", "帰り道",
         "綿あめの雲", "午前二時の踏切"]);

    private static TitlePool Korean { get; } = new("{0}의 {1}",
        ["바다", "별", "달", "여름", "겨울", "바람", "새벽", "기억", "골목", "우산", "노을", "꿈", "파도", "불빛",
         "구름", "계절"],
        ["마지막 버스", "편의점 불빛", "우리의 여름", "비 오는 날의 산책", "잠 못 드는 밤", "너에게 보내는 편지",
         "옥상 위의 달", "별이 지는 곳", "첫눈", "오래된 카세트", "바다로 가는 길", "새벽 두 시의 라디오",
         "봄날의 정류장", "작은 우주", "안녕, 나의 도시"]);
}
