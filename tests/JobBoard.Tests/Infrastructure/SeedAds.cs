using System.Text.RegularExpressions;

namespace JobBoard.Tests.Infrastructure;

/// <summary>The two real ads of <c>shared/seeds</c>, copied under Fixtures/seeds, read line by line as a reader quotes them.</summary>
public static partial class SeedAds
{
    public const string Chicago = "000_b425eb5aacbcaceb.txt";
    public const string Bucharest = "001_3953d7a6c97f88c8.txt";
    public const string ChicagoTitle = "Director lead";
    public const string BucharestTitle = "Key Account Manager -Oncology | Bucharest";

    /// <summary>Lines of the job site around the Chicago ad, not the ad itself; the date is asserted as a field.</summary>
    private static readonly string[] ChicagoChrome = ["Posted 2025-10-27"];

    /// <summary>
    /// The job site's labels around the Bucharest ad ("CompanyNovartis" is a label run into its value) and the values
    /// of its "Job Information" block, which the posting holds as fields rather than as text.
    /// </summary>
    private static readonly string[] BucharestChrome =
    [
        "JOB DETAILS", "CompanyNovartis", "LocationBucharest", "Work ModeOn Site", "PostedDecember 11, 2025", "About The Company",
        "Key Skills",
        "AccountabilityAccount ManagementCommercial ExcellenceCompetitive IntelligenceComplianceCrmCustomer EngagementEthicsHealthcare SectorMarket DevelopmentProblem Solving SkillsRevenue GrowthSelling SkillsTeam CollaborationValue Propositions",
        "Categories", "HealthcareSalesManagement & Leadership", "Job Information",
        "📋Core Responsibilities", "📋Job Type", "full time", "📊Experience Level", "2-5", "💼Company Size", "82502",
        "📊Visa Sponsorship", "No", "💼Language", "English", "🏢Working Hours", "40 hours",
        "Apply Now →", "You'll be redirected to", "the company's application page",
    ];

    /// <summary>
    /// The ad's own non-blank lines in order, bullets stripped and whitespace folded: without the site's labels around
    /// it and without the Chicago page's "Recommended Jobs", which are postings of their own.
    /// </summary>
    public static IEnumerable<string> AdLines(string seed)
    {
        var chrome = seed == Chicago ? ChicagoChrome : BucharestChrome;
        return Text(seed).Split('\n')
            .TakeWhile(line => line.Trim() != "Recommended Jobs")
            .Select(line => Normalize(line.TrimStart().TrimStart('•')))
            .Where(line => line.Length > 0 && !chrome.Contains(line));
    }

    public static string Text(string seed) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", seed));

    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
