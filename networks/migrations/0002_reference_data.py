"""Reference facts: the 11 regional blocks with their bureaus, the 47
prefectures (JIS X 0401) with their block, and the roadmap's 10 fields.

Block codes are the bureaus' codes; they are also the keys used in URLs and
filters, so they never change once published.
"""

from django.db import migrations

# code, name, name_en, bureau, bureau_en, council named in the 2017 record
BLOCKS = [
    ("hokkaido", "北海道", "Hokkaido", "北海道総合通信局", "Hokkaido Bureau of Telecommunications", ""),
    ("tohoku", "東北", "Tohoku", "東北総合通信局", "Tohoku Bureau of Telecommunications", ""),
    ("kanto", "関東", "Kanto", "関東総合通信局", "Kanto Bureau of Telecommunications", ""),
    ("shinetsu", "信越", "Shinetsu", "信越総合通信局", "Shinetsu Bureau of Telecommunications", ""),
    ("hokuriku", "北陸", "Hokuriku", "北陸総合通信局", "Hokuriku Bureau of Telecommunications", "北陸情報通信協議会"),
    ("tokai", "東海", "Tokai", "東海総合通信局", "Tokai Bureau of Telecommunications", ""),
    ("kinki", "近畿", "Kinki", "近畿総合通信局", "Kinki Bureau of Telecommunications", ""),
    ("chugoku", "中国", "Chugoku", "中国総合通信局", "Chugoku Bureau of Telecommunications", "中国情報通信懇談会"),
    ("shikoku", "四国", "Shikoku", "四国総合通信局", "Shikoku Bureau of Telecommunications", ""),
    ("kyushu", "九州", "Kyushu", "九州総合通信局", "Kyushu Bureau of Telecommunications", ""),
    ("okinawa", "沖縄", "Okinawa", "沖縄総合通信事務所", "Okinawa Office of Telecommunications", ""),
]

# code, name, name_en, kana, block code
PREFECTURES = [
    ("01", "北海道", "Hokkaido", "ほっかいどう", "hokkaido"),
    ("02", "青森県", "Aomori", "あおもりけん", "tohoku"),
    ("03", "岩手県", "Iwate", "いわてけん", "tohoku"),
    ("04", "宮城県", "Miyagi", "みやぎけん", "tohoku"),
    ("05", "秋田県", "Akita", "あきたけん", "tohoku"),
    ("06", "山形県", "Yamagata", "やまがたけん", "tohoku"),
    ("07", "福島県", "Fukushima", "ふくしまけん", "tohoku"),
    ("08", "茨城県", "Ibaraki", "いばらきけん", "kanto"),
    ("09", "栃木県", "Tochigi", "とちぎけん", "kanto"),
    ("10", "群馬県", "Gunma", "ぐんまけん", "kanto"),
    ("11", "埼玉県", "Saitama", "さいたまけん", "kanto"),
    ("12", "千葉県", "Chiba", "ちばけん", "kanto"),
    ("13", "東京都", "Tokyo", "とうきょうと", "kanto"),
    ("14", "神奈川県", "Kanagawa", "かながわけん", "kanto"),
    ("15", "新潟県", "Niigata", "にいがたけん", "shinetsu"),
    ("16", "富山県", "Toyama", "とやまけん", "hokuriku"),
    ("17", "石川県", "Ishikawa", "いしかわけん", "hokuriku"),
    ("18", "福井県", "Fukui", "ふくいけん", "hokuriku"),
    ("19", "山梨県", "Yamanashi", "やまなしけん", "kanto"),
    ("20", "長野県", "Nagano", "ながのけん", "shinetsu"),
    ("21", "岐阜県", "Gifu", "ぎふけん", "tokai"),
    ("22", "静岡県", "Shizuoka", "しずおかけん", "tokai"),
    ("23", "愛知県", "Aichi", "あいちけん", "tokai"),
    ("24", "三重県", "Mie", "みえけん", "tokai"),
    ("25", "滋賀県", "Shiga", "しがけん", "kinki"),
    ("26", "京都府", "Kyoto", "きょうとふ", "kinki"),
    ("27", "大阪府", "Osaka", "おおさかふ", "kinki"),
    ("28", "兵庫県", "Hyogo", "ひょうごけん", "kinki"),
    ("29", "奈良県", "Nara", "ならけん", "kinki"),
    ("30", "和歌山県", "Wakayama", "わかやまけん", "kinki"),
    ("31", "鳥取県", "Tottori", "とっとりけん", "chugoku"),
    ("32", "島根県", "Shimane", "しまねけん", "chugoku"),
    ("33", "岡山県", "Okayama", "おかやまけん", "chugoku"),
    ("34", "広島県", "Hiroshima", "ひろしまけん", "chugoku"),
    ("35", "山口県", "Yamaguchi", "やまぐちけん", "chugoku"),
    ("36", "徳島県", "Tokushima", "とくしまけん", "shikoku"),
    ("37", "香川県", "Kagawa", "かがわけん", "shikoku"),
    ("38", "愛媛県", "Ehime", "えひめけん", "shikoku"),
    ("39", "高知県", "Kochi", "こうちけん", "shikoku"),
    ("40", "福岡県", "Fukuoka", "ふくおかけん", "kyushu"),
    ("41", "佐賀県", "Saga", "さがけん", "kyushu"),
    ("42", "長崎県", "Nagasaki", "ながさきけん", "kyushu"),
    ("43", "熊本県", "Kumamoto", "くまもとけん", "kyushu"),
    ("44", "大分県", "Oita", "おおいたけん", "kyushu"),
    ("45", "宮崎県", "Miyazaki", "みやざきけん", "kyushu"),
    ("46", "鹿児島県", "Kagoshima", "かごしまけん", "kyushu"),
    ("47", "沖縄県", "Okinawa", "おきなわけん", "okinawa"),
]

# slug, name, name_en: the fields of the 地域IoT実装推進ロードマップ
FIELDS = [
    ("education", "教育", "Education"),
    ("health", "医療・介護・健康", "Medical care, nursing care and health"),
    ("work", "働き方", "Working styles"),
    ("disaster", "防災", "Disaster prevention"),
    ("agriculture", "農林水産業", "Agriculture, forestry and fisheries"),
    ("local-business", "地域ビジネス", "Local business"),
    ("tourism", "観光", "Tourism"),
    ("public-private", "官民協働サービス", "Public-private collaborative services"),
    ("smart-city", "スマートシティ", "Smart cities"),
    ("iot-infra", "IoT基盤", "IoT infrastructure"),
]


def load(apps, schema_editor):
    RegionalBlock = apps.get_model("networks", "RegionalBlock")
    Prefecture = apps.get_model("networks", "Prefecture")
    Field = apps.get_model("networks", "Field")
    blocks = {}
    for order, (code, name, name_en, bureau, bureau_en, council) in enumerate(BLOCKS, 1):
        blocks[code], _ = RegionalBlock.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "bureau_name": bureau,
                "bureau_name_en": bureau_en,
                "council_name": council,
                "order": order,
            },
        )
    for code, name, name_en, kana, block in PREFECTURES:
        Prefecture.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "kana": kana, "block": blocks[block]},
        )
    for order, (slug, name, name_en) in enumerate(FIELDS, 1):
        Field.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
        )


def unload(apps, schema_editor):
    apps.get_model("networks", "Field").objects.filter(slug__in=[f[0] for f in FIELDS]).delete()
    apps.get_model("networks", "Prefecture").objects.filter(
        code__in=[p[0] for p in PREFECTURES]
    ).delete()
    apps.get_model("networks", "RegionalBlock").objects.filter(
        code__in=[b[0] for b in BLOCKS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("networks", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
