namespace SalesOps.Web.Data.Seeding;

/// <summary>
/// The demo generator's only source of chance: <see cref="Random"/> with a fixed seed (its seeded algorithm is
/// frozen across .NET versions) and built-in name lists, so the same seed gives the same company everywhere and no
/// fake-data library ships with the app.
/// </summary>
public sealed class DemoRandom(int seed)
{
    private static readonly string[] FirstNames =
    [
        "Aaron", "Abigail", "Adrian", "Aisha", "Alexandra", "Andrei", "Angela", "Anthony", "Bianca", "Brandon", "Caroline", "Carlos",
        "Catalina", "Charles", "Chloe", "Christopher", "Claire", "Cristina", "Daniel", "David", "Diana", "Dmitri", "Elena", "Elijah",
        "Emily", "Emma", "Ethan", "Fatima", "Felix", "Fiona", "Gabriel", "Grace", "Hannah", "Hiroshi", "Ioana", "Isaac", "Isabel",
        "Jacob", "James", "Jasmine", "Jennifer", "Jessica", "Joanna", "Jonathan", "Joseph", "Julia", "Kevin", "Laura", "Leah", "Liam",
        "Linda", "Lucas", "Madison", "Marcus", "Maria", "Matthew", "Maya", "Melissa", "Michael", "Miguel", "Natalie", "Nathan", "Nicole",
        "Noah", "Olivia", "Oscar", "Patricia", "Paul", "Priya", "Rachel", "Rebecca", "Ryan", "Samuel", "Sarah", "Sebastian", "Sofia",
        "Stephen", "Tanya", "Thomas", "Tyler", "Valentina", "Vanessa", "William", "Yusuf", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Alvarez", "Anderson", "Bailey", "Baker", "Barbu", "Bennett", "Brooks", "Brown", "Bryant", "Butler", "Campbell",
        "Carter", "Castillo", "Chavez", "Clark", "Coleman", "Collins", "Constantin", "Cook", "Cooper", "Cruz", "Dobre", "Diaz",
        "Dumitru", "Edwards", "Evans", "Fischer", "Fisher", "Flores", "Foster", "Garcia", "Gomez", "Gonzalez", "Gray", "Green",
        "Griffin", "Hall", "Harris", "Hayes", "Henderson", "Hernandez", "Hill", "Howard", "Hughes", "Jackson", "James", "Jenkins",
        "Jensen", "Johnson", "Jones", "Kelly", "Kennedy", "Kim", "King", "Kowalski", "Larsen", "Lee", "Lewis", "Long", "Lopez",
        "Martin", "Martinez", "Mitchell", "Moore", "Morales", "Morgan", "Morris", "Murphy", "Murray", "Myers", "Nakamura", "Nelson",
        "Nguyen", "Nistor", "Novak", "Olsen", "Ortiz", "Parker", "Patel", "Perez", "Perry", "Peterson", "Phillips", "Popa", "Powell",
        "Price", "Ramirez", "Reed", "Reyes", "Richardson", "Rivera", "Roberts", "Robinson", "Rodriguez", "Rogers", "Ross", "Russell",
        "Sanchez", "Sanders", "Schmidt", "Scott", "Shah", "Silva", "Simmons", "Smith", "Stan", "Stewart", "Sullivan", "Tanaka",
        "Taylor", "Thomas", "Thompson", "Torres", "Turner", "Vasile", "Walker", "Wallace", "Ward", "Watson", "White", "Williams",
        "Wilson", "Wood", "Wright", "Young", "Zhang",
    ];

    private static readonly string[] CompanySuffixes = ["Inc", "LLC", "Group", "and Sons", "Partners", "Holdings", "Co", "Corporation"];

    private static readonly string[] NameStarts =
    [
        "Blue", "North", "Silver", "Granite", "Bright", "Summit", "Harbor", "Prairie", "Cedar", "Iron", "Coastal", "Golden", "Pioneer",
        "Red", "Union", "Evergreen", "Lakeside", "Keystone", "Frontier", "Meridian", "Atlas", "Beacon", "Crescent", "Sterling",
    ];

    private static readonly string[] NameEnds =
    [
        "Logistics", "Foods", "Health", "Energy", "Systems", "Retail", "Labs", "Manufacturing", "Finance", "Media", "Motors",
        "Analytics", "Pharma", "Telecom", "Works", "Dynamics", "Solutions", "Industries", "Networks", "Supply",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A fraction from 0 (included) to 1 (excluded), for shares and probabilities.</summary>
    public double Fraction() => _random.NextDouble();

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string FirstName() => Pick(FirstNames);

    public string LastName() => Pick(LastNames);

    /// <summary>Company names as CRMs hold them: a family firm, a partnership or a brand. The three-name partnerships leave room for a hundred thousand accounts.</summary>
    public string CompanyName() => _random.Next(4) switch
    {
        0 => $"{LastName()} {Pick(CompanySuffixes)}",
        1 => $"{LastName()} & {LastName()}",
        2 => $"{LastName()}, {LastName()} and {LastName()}",
        _ => $"{Pick(NameStarts)} {Pick(NameEnds)}",
    };
}
