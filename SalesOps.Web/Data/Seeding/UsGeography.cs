namespace SalesOps.Web.Data.Seeding;

public sealed record City(string Name, double Latitude, double Longitude);

/// <summary>
/// A state (or DC, or a country) with cities the demo company places accounts in. <see cref="Weight"/> is its share
/// of accounts (population in millions for states, market size for countries). <see cref="Jitter"/> is the most (in
/// degrees) an account may sit away from its city: small areas get less so no account lands outside them.
/// </summary>
public sealed record GeoArea(string Code, string Name, double Weight, City[] Cities, double Jitter = 0.05);

/// <summary>A geographic sales region: the states one geographic territory covers.</summary>
public sealed record SalesRegion(string Name, string[] StateCodes);

/// <summary>
/// Real places for the demo company. The cities are chosen a little inland and away from state borders, so an
/// account jittered around one stays on land in its own state (and map shapes colour it correctly).
/// </summary>
public static class UsGeography
{
    public static readonly IReadOnlyList<GeoArea> States =
    [
        new("US-AL", "Alabama", 5.0, [new("Birmingham", 33.5186, -86.8104), new("Montgomery", 32.3668, -86.3000), new("Huntsville", 34.7304, -86.5861)]),
        new("US-AK", "Alaska", 0.73, [new("Anchorage", 61.1800, -149.8000), new("Fairbanks", 64.8378, -147.7164), new("Wasilla", 61.5814, -149.4394)]),
        new("US-AZ", "Arizona", 7.2, [new("Phoenix", 33.4484, -112.0740), new("Tucson", 32.2226, -110.9747), new("Flagstaff", 35.1983, -111.6513)]),
        new("US-AR", "Arkansas", 3.0, [new("Little Rock", 34.7465, -92.2896), new("Fayetteville", 36.0626, -94.1574), new("Jonesboro", 35.8423, -90.7043)]),
        new("US-CA", "California", 39.5, [new("Los Angeles", 34.0522, -118.2437), new("San Jose", 37.3382, -121.8863), new("Sacramento", 38.5816, -121.4944), new("Fresno", 36.7378, -119.7871), new("Riverside", 33.9806, -117.3755), new("Irvine", 33.6846, -117.8265), new("Pleasanton", 37.6624, -121.8747)]),
        new("US-CO", "Colorado", 5.8, [new("Denver", 39.7392, -104.9903), new("Colorado Springs", 38.8339, -104.8214), new("Boulder", 40.0150, -105.2705)]),
        new("US-CT", "Connecticut", 3.6, [new("Hartford", 41.7658, -72.6734), new("Waterbury", 41.5582, -73.0515), new("Danbury", 41.3948, -73.4540)]),
        new("US-DE", "Delaware", 1.0, [new("Wilmington", 39.7391, -75.5398), new("Dover", 39.1582, -75.5244)], 0.03),
        new("US-DC", "District of Columbia", 0.69, [new("Washington", 38.9072, -77.0369)], 0.02),
        new("US-FL", "Florida", 21.5, [new("Orlando", 28.5383, -81.3792), new("Jacksonville", 30.3322, -81.6557), new("Tallahassee", 30.4383, -84.2807), new("Gainesville", 29.6516, -82.3248), new("Doral", 25.8195, -80.3553)]),
        new("US-GA", "Georgia", 10.7, [new("Atlanta", 33.7490, -84.3880), new("Macon", 32.8407, -83.6324), new("Athens", 33.9519, -83.3576)]),
        new("US-HI", "Hawaii", 1.46, [new("Mililani", 21.4513, -158.0152), new("Wahiawa", 21.5028, -158.0236)], 0.03),
        new("US-ID", "Idaho", 1.84, [new("Boise", 43.6150, -116.2023), new("Idaho Falls", 43.4917, -112.0339), new("Coeur d'Alene", 47.6777, -116.7805)]),
        new("US-IL", "Illinois", 12.8, [new("Chicago", 41.8500, -87.7500), new("Naperville", 41.7508, -88.1535), new("Schaumburg", 42.0334, -88.0834), new("Springfield", 39.7817, -89.6501), new("Peoria", 40.6936, -89.5890)]),
        new("US-IN", "Indiana", 6.8, [new("Indianapolis", 39.7684, -86.1581), new("Fort Wayne", 41.0793, -85.1394), new("Bloomington", 39.1653, -86.5264)]),
        new("US-IA", "Iowa", 3.2, [new("Des Moines", 41.5868, -93.6250), new("Cedar Rapids", 41.9779, -91.6656), new("Iowa City", 41.6611, -91.5302)]),
        new("US-KS", "Kansas", 2.9, [new("Wichita", 37.6872, -97.3301), new("Topeka", 39.0473, -95.6752), new("Lawrence", 38.9717, -95.2353)]),
        new("US-KY", "Kentucky", 4.5, [new("Lexington", 38.0406, -84.5037), new("Bowling Green", 36.9685, -86.4808), new("Frankfort", 38.2009, -84.8733)]),
        new("US-LA", "Louisiana", 4.66, [new("Baton Rouge", 30.4515, -91.1871), new("Shreveport", 32.5252, -93.7502), new("Lafayette", 30.2241, -92.0198)]),
        new("US-ME", "Maine", 1.36, [new("Augusta", 44.3106, -69.7795), new("Bangor", 44.8012, -68.7778), new("Lewiston", 44.1004, -70.2148)]),
        new("US-MD", "Maryland", 6.18, [new("Columbia", 39.2037, -76.8610), new("Frederick", 39.4143, -77.4105), new("Towson", 39.4015, -76.6019)], 0.04),
        new("US-MA", "Massachusetts", 7.03, [new("Worcester", 42.2626, -71.8023), new("Springfield", 42.1015, -72.5898), new("Framingham", 42.2793, -71.4162), new("Lowell", 42.6334, -71.3162)]),
        new("US-MI", "Michigan", 10.08, [new("Ann Arbor", 42.2808, -83.7430), new("Grand Rapids", 42.9634, -85.6681), new("Lansing", 42.7325, -84.5555), new("Troy", 42.6064, -83.1498)]),
        new("US-MN", "Minnesota", 5.7, [new("Minneapolis", 44.9778, -93.2650), new("Saint Paul", 44.9537, -93.0900), new("Rochester", 44.0121, -92.4802)]),
        new("US-MS", "Mississippi", 2.96, [new("Jackson", 32.2988, -90.1848), new("Hattiesburg", 31.3271, -89.2903), new("Tupelo", 34.2576, -88.7034)]),
        new("US-MO", "Missouri", 6.15, [new("Columbia", 38.9517, -92.3341), new("Springfield", 37.2090, -93.2923), new("Jefferson City", 38.5767, -92.1735), new("Independence", 39.0911, -94.4155), new("Chesterfield", 38.6631, -90.5771)]),
        new("US-MT", "Montana", 1.08, [new("Billings", 45.7833, -108.5007), new("Missoula", 46.8721, -113.9940), new("Bozeman", 45.6770, -111.0429), new("Helena", 46.5891, -112.0391)]),
        new("US-NE", "Nebraska", 1.96, [new("Lincoln", 40.8136, -96.7026), new("Kearney", 40.6993, -99.0817), new("Grand Island", 40.9264, -98.3420), new("Papillion", 41.1544, -96.0422)]),
        new("US-NV", "Nevada", 3.1, [new("Las Vegas", 36.1699, -115.1398), new("Henderson", 36.0395, -114.9817), new("Reno", 39.5296, -119.8138), new("Carson City", 39.1638, -119.7674)]),
        new("US-NH", "New Hampshire", 1.38, [new("Manchester", 42.9956, -71.4548), new("Concord", 43.2081, -71.5376), new("Nashua", 42.7654, -71.4676)]),
        new("US-NJ", "New Jersey", 9.29, [new("Newark", 40.7357, -74.1724), new("New Brunswick", 40.4862, -74.4518), new("Morristown", 40.7968, -74.4815), new("Princeton", 40.3573, -74.6672), new("Edison", 40.5187, -74.4121)], 0.04),
        new("US-NM", "New Mexico", 2.12, [new("Albuquerque", 35.0844, -106.6504), new("Santa Fe", 35.6870, -105.9378), new("Las Cruces", 32.3199, -106.7637)]),
        new("US-NY", "New York", 20.2, [new("Queens", 40.7282, -73.7949), new("Brooklyn", 40.6782, -73.9442), new("White Plains", 41.0340, -73.7629), new("Albany", 42.6526, -73.7562), new("Rochester", 43.1566, -77.6088), new("Syracuse", 43.0481, -76.1474)], 0.04),
        new("US-NC", "North Carolina", 10.4, [new("Charlotte", 35.2271, -80.8431), new("Raleigh", 35.7796, -78.6382), new("Durham", 35.9940, -78.8986), new("Greensboro", 36.0726, -79.7920)]),
        new("US-ND", "North Dakota", 0.78, [new("Bismarck", 46.8083, -100.7837), new("West Fargo", 46.8750, -96.9003), new("Minot", 48.2330, -101.2923), new("Jamestown", 46.9105, -98.7084)]),
        new("US-OH", "Ohio", 11.8, [new("Columbus", 39.9612, -82.9988), new("Parma", 41.4048, -81.7229), new("Akron", 41.0814, -81.5190), new("Dayton", 39.7589, -84.1916)]),
        new("US-OK", "Oklahoma", 3.96, [new("Oklahoma City", 35.4676, -97.5164), new("Tulsa", 36.1540, -95.9928), new("Norman", 35.2226, -97.4395)]),
        new("US-OR", "Oregon", 4.24, [new("Salem", 44.9429, -123.0351), new("Eugene", 44.0521, -123.0868), new("Bend", 44.0582, -121.3153), new("Beaverton", 45.4871, -122.8037)]),
        new("US-PA", "Pennsylvania", 13.0, [new("King of Prussia", 40.0893, -75.3960), new("Pittsburgh", 40.4406, -79.9959), new("Harrisburg", 40.2732, -76.8867), new("Allentown", 40.6084, -75.4902), new("State College", 40.7934, -77.8600)]),
        new("US-RI", "Rhode Island", 1.1, [new("Providence", 41.8240, -71.4128), new("Cranston", 41.7798, -71.4373)], 0.02),
        new("US-SC", "South Carolina", 5.1, [new("Columbia", 34.0007, -81.0348), new("Greenville", 34.8526, -82.3940), new("Spartanburg", 34.9496, -81.9321), new("Summerville", 33.0185, -80.1756)]),
        new("US-SD", "South Dakota", 0.89, [new("Sioux Falls", 43.5446, -96.7311), new("Rapid City", 44.0805, -103.2310), new("Pierre", 44.3683, -100.3510)]),
        new("US-TN", "Tennessee", 6.9, [new("Nashville", 36.1627, -86.7816), new("Knoxville", 35.9606, -83.9207), new("Murfreesboro", 35.8456, -86.3903), new("Jackson", 35.6145, -88.8139), new("Germantown", 35.0868, -89.8101)]),
        new("US-TX", "Texas", 29.1, [new("Houston", 29.7604, -95.3698), new("Dallas", 32.7767, -96.7970), new("Austin", 30.2672, -97.7431), new("San Antonio", 29.4241, -98.4936), new("Fort Worth", 32.7555, -97.3308), new("Plano", 33.0198, -96.6989)]),
        new("US-UT", "Utah", 3.27, [new("Salt Lake City", 40.7608, -111.8910), new("Provo", 40.2338, -111.6585), new("Ogden", 41.2230, -111.9738)]),
        new("US-VT", "Vermont", 0.64, [new("Montpelier", 44.2601, -72.5754), new("Rutland", 43.6106, -72.9726), new("Williston", 44.4376, -73.0687)]),
        new("US-VA", "Virginia", 8.6, [new("Richmond", 37.5407, -77.4360), new("Fairfax", 38.8462, -77.3064), new("Charlottesville", 38.0293, -78.4767), new("Roanoke", 37.2710, -79.9414), new("Chesapeake", 36.7682, -76.2875)]),
        new("US-WA", "Washington", 7.7, [new("Bellevue", 47.6101, -122.2015), new("Redmond", 47.6740, -122.1215), new("Kent", 47.3809, -122.2348), new("Spokane", 47.6588, -117.4260)]),
        new("US-WV", "West Virginia", 1.79, [new("Charleston", 38.3498, -81.6326), new("Morgantown", 39.6295, -79.9559), new("Beckley", 37.7782, -81.1882)]),
        new("US-WI", "Wisconsin", 5.9, [new("Madison", 43.0731, -89.4012), new("Waukesha", 43.0117, -88.2315), new("Appleton", 44.2619, -88.4154), new("Eau Claire", 44.8113, -91.4985)]),
        new("US-WY", "Wyoming", 0.58, [new("Cheyenne", 41.1400, -104.8202), new("Casper", 42.8666, -106.3131), new("Laramie", 41.3114, -105.5911)]),
    ];

    /// <summary>The ten geographic sales regions; together they cover every state and DC exactly once.</summary>
    public static readonly IReadOnlyList<SalesRegion> Regions =
    [
        new("Pacific Northwest", ["US-WA", "US-OR", "US-ID", "US-MT", "US-WY", "US-AK"]),
        new("California & Hawaii", ["US-CA", "US-HI", "US-NV"]),
        new("Southwest", ["US-AZ", "US-NM", "US-UT", "US-CO"]),
        new("Texas & South Central", ["US-TX", "US-OK", "US-AR", "US-LA", "US-KS"]),
        new("Upper Midwest", ["US-MN", "US-WI", "US-IA", "US-ND", "US-SD", "US-NE", "US-MO"]),
        new("Great Lakes", ["US-MI", "US-OH", "US-IN", "US-IL", "US-KY"]),
        new("Southeast", ["US-FL", "US-GA", "US-AL", "US-MS", "US-TN", "US-SC", "US-NC"]),
        new("Mid-Atlantic", ["US-VA", "US-WV", "US-MD", "US-DC", "US-DE", "US-PA"]),
        new("New York Metro", ["US-NY", "US-NJ"]),
        new("New England", ["US-CT", "US-RI", "US-MA", "US-VT", "US-NH", "US-ME"]),
    ];

    /// <summary>
    /// Countries of the international territory (ISO 3166-1 alpha-2), with a few of their business cities. States are
    /// ISO 3166-2 ("US-DE"), so Germany ("DE") and Delaware cannot be confused.
    /// </summary>
    public static readonly IReadOnlyList<GeoArea> Countries =
    [
        new("DE", "Germany", 28, [new("Frankfurt", 50.1109, 8.6821), new("Munich", 48.1351, 11.5820), new("Hamburg", 53.5511, 9.9937), new("Cologne", 50.9375, 6.9603)], 0.03),
        new("GB", "United Kingdom", 30, [new("London", 51.5074, -0.1278), new("Manchester", 53.4808, -2.2426), new("Birmingham", 52.4862, -1.8904), new("Edinburgh", 55.9533, -3.1883)], 0.03),
        new("IT", "Italy", 20, [new("Milan", 45.4642, 9.1900), new("Rome", 41.9028, 12.4964), new("Turin", 45.0703, 7.6869)], 0.03),
        new("FR", "France", 16, [new("Paris", 48.8566, 2.3522), new("Lyon", 45.7640, 4.8357), new("Toulouse", 43.6047, 1.4442)], 0.03),
        new("NL", "Netherlands", 10, [new("Amsterdam", 52.3676, 4.9041), new("Rotterdam", 51.9244, 4.4777), new("Eindhoven", 51.4416, 5.4697)], 0.03),
        new("RO", "Romania", 8, [new("Bucharest", 44.4268, 26.1025), new("Cluj-Napoca", 46.7712, 23.6236), new("Timișoara", 45.7489, 21.2087), new("Iași", 47.1585, 27.6014)], 0.03),
        new("IE", "Ireland", 5, [new("Dublin", 53.3498, -6.2603), new("Cork", 51.8985, -8.4756)], 0.02),
        new("ES", "Spain", 5, [new("Madrid", 40.4168, -3.7038), new("Zaragoza", 41.6488, -0.8891)], 0.03),
    ];
}
