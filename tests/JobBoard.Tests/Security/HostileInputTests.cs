using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Security;

/// <summary>
/// DESIGN.md §6: what strangers send. FsCheck generates 1,000 hostile inputs (random Unicode, NUL and control
/// characters, megabyte fields, SQL and HTML/JS payloads, odd numbers and dates, malformed JSON) for search queries,
/// the API, the report form, the posting editor and the JSON-LD import, and each is sent through the app. No answer is
/// a 5xx, no page shows a payload's markup unencoded, and afterwards nothing stored breaks the rules the forms enforce.
/// A failure names the input, so it can be tried again by hand.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class HostileInputTests(JobBoardApp app) : WebTest(app)
{
    private const string Editor = "form[data-testid=editor]";

    /// <summary>FsCheck's size: how long the generated strings and arrays grow.</summary>
    private const int Size = 40;

    /// <summary>One fixed seed: every run sends the same 1,000 inputs, so a failure can be run again.</summary>
    private static readonly Rnd Seed = new(20261207UL);

    /// <summary>What an HTML page would carry if it rendered a payload as markup instead of text. (JSON answers carry
    /// the payloads as JSON strings, served as application/json with nosniff: no browser renders them.)</summary>
    private static readonly string[] UnencodedMarkers = ["<script>alert(", "<img src=x onerror", "<svg onload", "href=\"javascript:", "src=\"javascript:"];

    private static readonly string[] Payloads =
    [
        "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "javascript:alert(1)",
        "'; DROP TABLE job_postings; --", "' OR '1'='1", "1; SELECT pg_sleep(5)", "\\", "%", "_", "%00", "\0", "a\0b",
        "\u0001\u0002\u001b[31m", "\u202e\u2066", "\uFEFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👩‍⚕️", "\uFFFF\uFFFE", "Z\u0308\u0301\u0300", "\r\n\r\n",
        "-1", "0", "-0", "1e308", "-1e308", "NaN", "Infinity", "99999999999999999999999", "0x1F", "1,5", "٣", "2026-02-30",
        "0001-01-01", "9999-12-31", "10000-01-01", "31/12/2026", "{", "[]", "null", "{\"a\":", "true",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.Elements(Payloads),
        Gen.Elements(Payloads).ArrayOf().Select(parts => string.Concat(parts)),
        Gen.Choose(0, 0x2FFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32).ArrayOf().Select(parts => string.Concat(parts)),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));

    /// <summary>Now and then a megabyte: more than most forms take (413), less than the editor's limit.</summary>
    private static readonly Gen<string> Field = Gen.Frequency(
        (40, Hostile),
        (1, Gen.Elements("x", "<script>alert(1)</script>", "é").Select(s => string.Concat(Enumerable.Repeat(s, 1_000_000 / s.Length)))));

    [Fact]
    public async Task A_thousand_hostile_inputs_get_no_5xx_no_unencoded_markup_and_store_nothing_invalid()
    {
        var acme = Company();
        var posting = Published(acme, Content("Registered Nurse"));
        await app.InsertAsync(acme);
        await app.ExecuteDbContextAsync(async db =>
        {
            db.Attach(acme);
            db.Add(posting);
            await db.SaveChangesAsync();
        });
        using var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, password: null));
        using var guest = app.GuestClient();
        var failures = new List<string>();

        async Task Check(string what, HttpResponseMessage response)
        {
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {what}");
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return;
            }

            var body = await response.Content.ReadAsStringAsync();
            foreach (var marker in UnencodedMarkers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"unencoded \"{marker}\" in the answer to {what}");
            }
        }

        foreach (var (q, location, number) in Three(Field, Hostile, Hostile).Sample(Size, Seed, 400))
        {
            var query = $"q={Uri.EscapeDataString(q)}&location={Uri.EscapeDataString(location)}&salaryMin={Uri.EscapeDataString(number)}&radius={Uri.EscapeDataString(number)}&page={Uri.EscapeDataString(number)}";
            await Check($"search {Describe(query)}", await guest.GetAsync(new Uri($"/jobs?{query}", UriKind.Relative)));
            await Check($"API search {Describe(query)}", await guest.GetAsync(new Uri($"/api/v1/jobs?{query}", UriKind.Relative)));
        }

        foreach (var (reason, details) in Gen.Zip(Gen.OneOf(Gen.Elements("Scam", "Spam", "Other"), Hostile), Field, (r, d) => (r, d)).Sample(Size, Seed, 200))
        {
            var response = await guest.SubmitFormAsync($"/jobs/{posting.Id}/report", new Dictionary<string, string> { ["Reason"] = reason, ["Details"] = details });
            await Check($"report reason {Describe(reason)} details {Describe(details)}", response);
        }

        var editorFields = new[]
        {
            "Form.Title", "Form.Summary", "Form.Locations[0]", "Form.SalaryMin", "Form.SalaryMax", "Form.SalaryCurrency", "Form.SalaryPeriod",
            "Form.ValidThrough", "Form.DatePosted", "Form.ExperienceYearsMin", "Form.HoursPerWeek", "Form.ApplyUrl", "Form.ApplyEmail",
            "Form.Skills[0]", "Form.Responsibilities[0]", "Form.Requirements[0].Text", "Form.Sections[0].Heading", "Form.Sections[0].Body",
            "Form.EmploymentType", "Form.WorkMode",
        };
        // Half the cases change a few free texts of an otherwise valid posting (most are saved, then shown again), half
        // change any fields at all (most are refused with messages).
        var texts = new[] { "Form.Title", "Form.Summary", "Form.Responsibilities[0]", "Form.Sections[0].Body", "Form.Skills[0]" };
        var changed = Gen.OneOf(Gen.Elements(texts).ArrayOf().Resize(3), Gen.Elements(editorFields).ArrayOf());
        var editorCases = Three(changed, Field.ArrayOf(editorFields.Length), Gen.Elements("Save", "Submit")).Sample(Size, Seed, 250);
        var saved = 0;
        foreach (var (names, values, command) in editorCases)
        {
            var fields = new Dictionary<string, string> { ["Form.Title"] = "Night Nurse", ["Form.Locations[0]"] = "Chicago, IL, United States", ["Form.ApplyUrl"] = "https://acme.test/apply" };
            foreach (var (name, value) in names.Distinct().Zip(values))
            {
                fields[name] = value;
            }

            var response = await recruiter.SubmitFormAsync("/Recruiter/Postings/New", fields, Editor, new("command", command));
            var what = $"editor {command} {string.Join(", ", fields.Select(f => $"{f.Key}={Describe(f.Value)}"))}";
            await Check(what, response);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                saved++;
                await Check($"the editor after {what}", await recruiter.GetAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.Relative)));
            }
        }

        foreach (var json in JsonLd().Sample(Size, Seed, 150))
        {
            await Check($"JSON-LD import {Describe(json)}", await recruiter.UploadJsonLdAsync("posting.jsonld", json));
        }

        // What was stored is shown: the public pages of every posting the recruiter submitted, and the recruiter's list.
        await Check("the recruiter's dashboard", await recruiter.GetAsync(new Uri("/Recruiter", UriKind.Relative)));
        failures.Should().BeEmpty();
        saved.Should().BePositive("some hostile texts are valid postings, stored and shown again");
        (await InvalidRowsAsync()).Should().BeEmpty("nothing the forms refuse is stored");
    }

    /// <summary>A JSON-LD JobPosting with hostile values in random places, or cut short, or not JSON at all.</summary>
    private static Gen<string> JsonLd()
    {
        var keys = new[] { "title", "description", "datePosted", "validThrough", "employmentType", "url", "skills", "occupationalCategory" };
        var mutated = Three(Gen.Elements(keys).ArrayOf(), Field.ArrayOf(keys.Length), Gen.Elements("1e308", "-1", "null", "[]", "{}", "\"\\u0000\""))
            .Select(t =>
            {
                var (names, values, raw) = t;
                var posting = new JsonObject
                {
                    ["@context"] = "https://schema.org/",
                    ["@type"] = "JobPosting",
                    ["title"] = "Registered Nurse",
                    ["description"] = "<p>Care for patients.</p>",
                    ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Acme Health" },
                    ["jobLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = new JsonObject { ["addressLocality"] = "Peoria", ["addressCountry"] = "US" } },
                };
                foreach (var (name, value) in names.Distinct().Zip(values))
                {
                    posting[name] = value;
                }

                posting["baseSalary"] = JsonNode.Parse($"{{\"currency\": \"USD\", \"value\": {{\"minValue\": {raw}, \"maxValue\": {raw}, \"unitText\": \"HOUR\"}}}}");
                return posting.ToJsonString();
            });
        return Gen.OneOf(mutated, Gen.Zip(mutated, Gen.Choose(0, 200), (json, length) => json[..Math.Min(json.Length, length)]), Hostile);
    }

    /// <summary>Rows holding what the forms refuse: control characters (but line breaks and tabs), over-long titles.</summary>
    private async Task<List<string>> InvalidRowsAsync()
    {
        const string control = @"[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]";
        return await TestSql.ListAsync(app.ConnectionString, $"""
            SELECT 'posting ' || id || ': ' || left(title, 80) FROM job_postings
            WHERE title ~ '{control}' OR coalesce(summary, '') ~ '{control}' OR length(title) > 200 OR title !~ '\S'
            UNION ALL
            SELECT 'report ' || id FROM posting_reports WHERE coalesce(details, '') ~ '{control}' OR length(coalesce(details, '')) > 2000
            """);
    }

    private static Gen<(T1, T2, T3)> Three<T1, T2, T3>(Gen<T1> first, Gen<T2> second, Gen<T3> third) =>
        Gen.Zip(Gen.Zip(first, second, (a, b) => (a, b)), third, (ab, c) => (ab.a, ab.b, c));

    private static string Describe(string value) =>
        value.Length > 120 ? $"\"{Escape(value[..60])}…\" ({value.Length} chars)" : $"\"{Escape(value)}\"";

    private static string Escape(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
