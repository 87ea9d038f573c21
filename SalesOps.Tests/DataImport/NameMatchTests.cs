using SalesOps.Shared.Import;

namespace SalesOps.Tests.DataImport;

public class NameMatchTests
{
    [Fact]
    public void Legal_forms_case_and_punctuation_do_not_tell_companies_apart()
    {
        var groups = NameMatch.DuplicateGroups(["Acme Corp", "ACME Corporation", "The Acme Co.", "Acmex", "Betatech", "Beta Tech Inc"], n => n);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["Acme Corp", "ACME Corporation", "The Acme Co."], groups[0]);
        Assert.Equal(["Betatech", "Beta Tech Inc"], groups[1]);
    }

    [Theory]
    [InlineData("GTXPro", "GTX Pro", true)]
    [InlineData("gtx pro", "GTX Pro", true)]
    [InlineData("GTX Plus Pro", "GTX Plus Pro", false)]
    [InlineData("MG Advance", "MG Advanced", true)]
    [InlineData("GTX Basic", "GTX Pro", false)]
    [InlineData("MG", "MX", false)]
    public void Product_names_nearly_match_when_only_spacing_case_or_one_typo_differs(string candidate, string known, bool expected) =>
        Assert.Equal(expected, NameMatch.NearlyMatches(candidate, known));

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(10, 0, 100)]
    [InlineData(10, 3, 70)]
    [InlineData(3, 3, 0)]
    public void The_score_is_the_share_of_clean_open_deals(int open, int issues, int score) => Assert.Equal(score, NameMatch.Score(open, issues));
}
