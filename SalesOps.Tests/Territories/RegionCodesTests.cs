using SalesOps.Shared.Territories;

namespace SalesOps.Tests.Territories;

public class RegionCodesTests
{
    // Every state id of us-atlas 3.0.1 states-10m.json (FIPS), with the ISO 3166-2 code it must become.
    public static readonly TheoryData<string, string> UsAtlasStates = new()
    {
        { "01", "US-AL" }, { "02", "US-AK" }, { "04", "US-AZ" }, { "05", "US-AR" }, { "06", "US-CA" }, { "08", "US-CO" },
        { "09", "US-CT" }, { "10", "US-DE" }, { "11", "US-DC" }, { "12", "US-FL" }, { "13", "US-GA" }, { "15", "US-HI" },
        { "16", "US-ID" }, { "17", "US-IL" }, { "18", "US-IN" }, { "19", "US-IA" }, { "20", "US-KS" }, { "21", "US-KY" },
        { "22", "US-LA" }, { "23", "US-ME" }, { "24", "US-MD" }, { "25", "US-MA" }, { "26", "US-MI" }, { "27", "US-MN" },
        { "28", "US-MS" }, { "29", "US-MO" }, { "30", "US-MT" }, { "31", "US-NE" }, { "32", "US-NV" }, { "33", "US-NH" },
        { "34", "US-NJ" }, { "35", "US-NM" }, { "36", "US-NY" }, { "37", "US-NC" }, { "38", "US-ND" }, { "39", "US-OH" },
        { "40", "US-OK" }, { "41", "US-OR" }, { "42", "US-PA" }, { "44", "US-RI" }, { "45", "US-SC" }, { "46", "US-SD" },
        { "47", "US-TN" }, { "48", "US-TX" }, { "49", "US-UT" }, { "50", "US-VT" }, { "51", "US-VA" }, { "53", "US-WA" },
        { "54", "US-WV" }, { "55", "US-WI" }, { "56", "US-WY" }, { "60", "US-AS" }, { "66", "US-GU" }, { "69", "US-MP" },
        { "72", "US-PR" }, { "78", "US-VI" },
    };

    // Every country id of world-atlas 2.0.2 countries-110m.json (N. Cyprus, Somaliland and Kosovo have none there).
    private static readonly (string Numeric, string Code)[] WorldAtlas110m =
    [
        ("242", "FJ"), ("834", "TZ"), ("732", "EH"), ("124", "CA"), ("840", "US"), ("398", "KZ"), ("860", "UZ"), ("598", "PG"),
        ("360", "ID"), ("032", "AR"), ("152", "CL"), ("180", "CD"), ("706", "SO"), ("404", "KE"), ("729", "SD"), ("148", "TD"),
        ("332", "HT"), ("214", "DO"), ("643", "RU"), ("044", "BS"), ("238", "FK"), ("578", "NO"), ("304", "GL"), ("260", "TF"),
        ("626", "TL"), ("710", "ZA"), ("426", "LS"), ("484", "MX"), ("858", "UY"), ("076", "BR"), ("068", "BO"), ("604", "PE"),
        ("170", "CO"), ("591", "PA"), ("188", "CR"), ("558", "NI"), ("340", "HN"), ("222", "SV"), ("320", "GT"), ("084", "BZ"),
        ("862", "VE"), ("328", "GY"), ("740", "SR"), ("250", "FR"), ("218", "EC"), ("630", "PR"), ("388", "JM"), ("192", "CU"),
        ("716", "ZW"), ("072", "BW"), ("516", "NA"), ("686", "SN"), ("466", "ML"), ("478", "MR"), ("204", "BJ"), ("562", "NE"),
        ("566", "NG"), ("120", "CM"), ("768", "TG"), ("288", "GH"), ("384", "CI"), ("324", "GN"), ("624", "GW"), ("430", "LR"),
        ("694", "SL"), ("854", "BF"), ("140", "CF"), ("178", "CG"), ("266", "GA"), ("226", "GQ"), ("894", "ZM"), ("454", "MW"),
        ("508", "MZ"), ("748", "SZ"), ("024", "AO"), ("108", "BI"), ("376", "IL"), ("422", "LB"), ("450", "MG"), ("275", "PS"),
        ("270", "GM"), ("788", "TN"), ("012", "DZ"), ("400", "JO"), ("784", "AE"), ("634", "QA"), ("414", "KW"), ("368", "IQ"),
        ("512", "OM"), ("548", "VU"), ("116", "KH"), ("764", "TH"), ("418", "LA"), ("104", "MM"), ("704", "VN"), ("408", "KP"),
        ("410", "KR"), ("496", "MN"), ("356", "IN"), ("050", "BD"), ("064", "BT"), ("524", "NP"), ("586", "PK"), ("004", "AF"),
        ("762", "TJ"), ("417", "KG"), ("795", "TM"), ("364", "IR"), ("760", "SY"), ("051", "AM"), ("752", "SE"), ("112", "BY"),
        ("804", "UA"), ("616", "PL"), ("040", "AT"), ("348", "HU"), ("498", "MD"), ("642", "RO"), ("440", "LT"), ("428", "LV"),
        ("233", "EE"), ("276", "DE"), ("100", "BG"), ("300", "GR"), ("792", "TR"), ("008", "AL"), ("191", "HR"), ("756", "CH"),
        ("442", "LU"), ("056", "BE"), ("528", "NL"), ("620", "PT"), ("724", "ES"), ("372", "IE"), ("540", "NC"), ("090", "SB"),
        ("554", "NZ"), ("036", "AU"), ("144", "LK"), ("156", "CN"), ("158", "TW"), ("380", "IT"), ("208", "DK"), ("826", "GB"),
        ("352", "IS"), ("031", "AZ"), ("268", "GE"), ("608", "PH"), ("458", "MY"), ("096", "BN"), ("705", "SI"), ("246", "FI"),
        ("703", "SK"), ("203", "CZ"), ("232", "ER"), ("392", "JP"), ("600", "PY"), ("887", "YE"), ("682", "SA"), ("010", "AQ"),
        ("196", "CY"), ("504", "MA"), ("818", "EG"), ("434", "LY"), ("231", "ET"), ("262", "DJ"), ("800", "UG"), ("646", "RW"),
        ("070", "BA"), ("807", "MK"), ("688", "RS"), ("499", "ME"), ("780", "TT"), ("728", "SS"),
    ];

    [Theory]
    [MemberData(nameof(UsAtlasStates))]
    public void Every_us_atlas_state_translates_to_its_ISO_3166_2_code_and_back(string fips, string code)
    {
        Assert.Equal(code, RegionCodes.FromUsAtlasFips(fips));
        Assert.Equal(fips, RegionCodes.ToUsAtlasFips(code));
        Assert.Equal(RegionKind.UsSubdivision, RegionCodes.Find(code)!.Kind);
        Assert.Equal("US", RegionCodes.CountryOf(code));
    }

    [Fact]
    public void Every_world_atlas_110m_country_translates_to_its_alpha_2_code_and_back()
    {
        Assert.Equal(174, WorldAtlas110m.Length);
        foreach (var (numeric, code) in WorldAtlas110m)
        {
            Assert.Equal(code, RegionCodes.FromWorldAtlasNumeric(numeric));
            Assert.Equal(numeric, RegionCodes.ToWorldAtlasNumeric(code));
        }
    }

    [Theory]
    [InlineData("276", "DE", "Germany")]
    [InlineData("840", "US", "United States of America")]
    [InlineData("826", "GB", "United Kingdom")]
    [InlineData("642", "RO", "Romania")]
    [InlineData("124", "CA", "Canada")]
    [InlineData("630", "PR", "Puerto Rico")]
    [InlineData("036", "AU", "Australia")]
    [InlineData("702", "SG", "Singapore")]
    public void Sample_countries_have_their_numeric_id_and_name(string numeric, string code, string name)
    {
        Assert.Equal(code, RegionCodes.FromWorldAtlasNumeric(numeric));
        Assert.Equal(new Region(code, RegionKind.Country, name, numeric), RegionCodes.Find(code));
    }

    [Fact]
    public void DE_is_Germany_and_US_DE_is_Delaware()
    {
        Assert.Equal(new Region("DE", RegionKind.Country, "Germany", "276"), RegionCodes.Find("DE"));
        Assert.Equal(new Region("US-DE", RegionKind.UsSubdivision, "Delaware", "10"), RegionCodes.Find("US-DE"));
        Assert.Null(RegionCodes.ToUsAtlasFips("DE"));
        Assert.Null(RegionCodes.ToWorldAtlasNumeric("US-DE"));
        Assert.Equal("DE", RegionCodes.CountryOf("DE"));
        Assert.Equal("US", RegionCodes.CountryOf("US-DE"));
        Assert.Equal("US-DE", RegionCodes.UsState("DE"));
    }

    [Fact]
    public void Shape_ids_are_read_leniently_but_only_known_ones_translate()
    {
        Assert.Equal("US-CA", RegionCodes.FromUsAtlasFips("6"));
        Assert.Equal("AF", RegionCodes.FromWorldAtlasNumeric("4"));
        Assert.Null(RegionCodes.FromUsAtlasFips("03"));
        Assert.Null(RegionCodes.FromUsAtlasFips("006"));
        Assert.Null(RegionCodes.FromWorldAtlasNumeric("999"));
        Assert.Null(RegionCodes.FromWorldAtlasNumeric("-76"));
        Assert.Null(RegionCodes.FromWorldAtlasNumeric(null));
    }

    [Theory]
    [InlineData(" us-ca ", "US-CA")]
    [InlineData("de", "DE")]
    [InlineData("US-PR", "US-PR")]
    public void User_input_is_normalized(string input, string expected)
    {
        Assert.Equal(expected, RegionCodes.Normalize(input));
        Assert.True(RegionCodes.IsValid(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("US-XX")]
    [InlineData("USA")]
    [InlineData("US_CA")]
    [InlineData("XK")]
    public void Anything_else_is_refused(string input)
    {
        Assert.False(RegionCodes.TryNormalize(input, out _));
        Assert.Null(RegionCodes.Find(input));
        Assert.Throws<FormatException>(() => RegionCodes.Normalize(input));
    }

    [Fact]
    public void Only_canonical_codes_are_valid_as_stored()
    {
        Assert.False(RegionCodes.IsValid("us-ca"));
        Assert.False(RegionCodes.IsValid("TX"));
        Assert.Throws<FormatException>(() => RegionCodes.UsState("ZZ"));
    }

    [Fact]
    public void The_tables_hold_the_US_subdivisions_and_every_ISO_country_once()
    {
        Assert.Equal(57, RegionCodes.UsSubdivisions.Count); // 50 states, DC, 6 outlying areas
        Assert.Equal(249, RegionCodes.Countries.Count);
        var all = RegionCodes.UsSubdivisions.Concat(RegionCodes.Countries).ToList();
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct().Count());
        Assert.Equal(57, RegionCodes.UsSubdivisions.Select(r => r.MapShapeId).Distinct().Count());
        Assert.Equal(249, RegionCodes.Countries.Select(r => r.MapShapeId).Distinct().Count());
        Assert.All(RegionCodes.Countries, r => Assert.Matches("^[A-Z]{2}$", r.Code));
        Assert.All(RegionCodes.UsSubdivisions, r => Assert.Matches("^US-[A-Z]{2}$", r.Code));
    }
}
