using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobBoard.Domain.Postings;
using JobBoard.Web.Companies;

namespace JobBoard.Web.Listings;

/// <summary>The schema.org JobPosting of a posting, as Google for Jobs reads it.</summary>
public static class JobPostingJsonLd
{
    // The default encoder escapes '<', '>' and '&', so the document can sit inside a <script> element safely.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default, WriteIndented = false };

    public static string Serialize(JobPosting posting, string url) => Build(posting, url).ToJsonString(Options);

    public static JsonObject Build(JobPosting posting, string url)
    {
        var company = posting.Company;
        var organization = new JsonObject { ["@type"] = "Organization", ["name"] = company.Name };
        AddIfPresent(organization, "sameAs", company.Website);
        // The logo uploaded to the board first, as an absolute address on the posting's own site.
        AddIfPresent(organization, "logo", company.LogoVersion is { } logo ? new Uri(new Uri(url), LogoEndpoint.Address(company.Slug, logo)).AbsoluteUri : company.LogoUrl);
        if (company.EmployeeCount is { } employees)
        {
            organization["numberOfEmployees"] = new JsonObject { ["@type"] = "QuantitativeValue", ["value"] = employees };
        }

        var document = new JsonObject
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = PostingTitle.WithoutPlaceSuffix(posting.Title, posting.Locations, posting.ApplicantCountries),
            ["description"] = DescriptionHtml(posting),
            ["url"] = url,
            ["hiringOrganization"] = organization,
            ["identifier"] = new JsonObject
            {
                ["@type"] = "PropertyValue",
                ["name"] = company.Name,
                ["value"] = posting.RequisitionReference ?? posting.Id.ToString(CultureInfo.InvariantCulture),
            },
        };

        if (posting.DatePosted is { } posted)
        {
            document["datePosted"] = posted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (posting.ValidThrough is { } through)
        {
            document["validThrough"] = through.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z";
        }

        if (posting.EmploymentType is { } type)
        {
            document["employmentType"] = type.ToSchemaOrg();
        }

        if (posting.Locations.Count > 0)
        {
            document["jobLocation"] = new JsonArray(posting.Locations.OrderBy(l => l.Position).Select(Place).ToArray<JsonNode?>());
        }

        if (posting.WorkMode == WorkMode.Remote)
        {
            document["jobLocationType"] = "TELECOMMUTE";
            if (posting.ApplicantCountries.Count > 0)
            {
                document["applicantLocationRequirements"] = new JsonArray(posting.ApplicantCountries
                    .Select(c => (JsonNode?)new JsonObject { ["@type"] = "Country", ["name"] = c }).ToArray());
            }
        }

        if (posting.Compensation is { } pay)
        {
            var value = new JsonObject { ["@type"] = "QuantitativeValue" };
            if (pay.Minimum is { } min)
            {
                value["minValue"] = min;
            }

            if (pay.Maximum is { } max)
            {
                value["maxValue"] = max;
            }

            value["unitText"] = pay.Period.ToSchemaOrg();
            document["baseSalary"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = pay.Currency, ["value"] = value };
            AddIfPresent(document, "jobBenefits", pay.Benefits);
            if (pay.CashIncentive)
            {
                document["incentiveCompensation"] = "Performance-based cash incentive";
            }
        }

        if (posting.Skills.Count > 0)
        {
            document["skills"] = new JsonArray(posting.Skills.OrderBy(s => s.Position).Select(s => (JsonNode?)s.Skill.Name).ToArray());
        }

        if (posting.Categories.Count > 0)
        {
            document["occupationalCategory"] = new JsonArray(posting.Categories.OrderBy(c => c.Position).Select(c => (JsonNode?)c.Category.Name).ToArray());
        }

        if (posting.ExperienceYearsMin is { } years)
        {
            document["experienceRequirements"] = new JsonObject
            {
                ["@type"] = "OccupationalExperienceRequirements",
                ["monthsOfExperience"] = years * 12,
            };
        }

        // Google reads only its five credentialCategory values; an education that names none of them is left out.
        if (posting.Requirements.Select(r => EducationLevels.Read(r.Education)).FirstOrDefault(level => level is not null) is { } education)
        {
            document["educationRequirements"] = new JsonObject
            {
                ["@type"] = "EducationalOccupationalCredential",
                ["credentialCategory"] = education.ToSchemaOrg(),
            };
        }

        if (posting.HoursPerWeek is { } hours)
        {
            document["workHours"] = Display.Hours(hours);
        }

        AddIfPresent(document, "responsibilities", posting.CoreResponsibilities);
        if (posting.WorkingLanguage is not null)
        {
            document["inLanguage"] = posting.WorkingLanguage;
        }

        AddIfPresent(document, "employerOverview", company.About);
        AddIfPresent(document, "industry", company.Industry);
        // A posting that takes applications on the board is applied to on its own page; an apply link or address it
        // may still carry is not where applications go.
        if (!posting.TakesApplicationsOnBoard && (posting.ApplyUrl is not null || posting.ApplyEmail is not null))
        {
            // Where applications go: the ad's own page ("url") is not the apply route.
            var contact = new JsonObject { ["@type"] = "ContactPoint", ["contactType"] = "applications" };
            AddIfPresent(contact, "url", posting.ApplyUrl);
            AddIfPresent(contact, "email", posting.ApplyEmail);
            document["applicationContact"] = contact;
        }

        // Google for Jobs: true only when the whole application is made on this site.
        document["directApply"] = posting.TakesApplicationsOnBoard;
        return document;
    }

    private static JsonObject Place(PostingLocation location)
    {
        var address = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = location.City };
        AddIfPresent(address, "addressRegion", location.RegionCode ?? location.Region);
        address["addressCountry"] = location.CountryCode;
        return new JsonObject
        {
            ["@type"] = "Place",
            ["address"] = address,
            ["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = location.Latitude, ["longitude"] = location.Longitude },
        };
    }

    /// <summary>The whole ad as simple HTML (headings, paragraphs, lists), every piece of text encoded.</summary>
    private static string DescriptionHtml(JobPosting posting)
    {
        var html = new StringBuilder();
        foreach (var block in PostingOutline.Build(posting))
        {
            var paragraphs = block.Paragraphs.Select(Lines).ToList();
            if (block.Heading is not null)
            {
                if (block.HeadingRunsIn && paragraphs.Count > 0)
                {
                    paragraphs[0] = $"<strong>{Encode(block.Heading)}</strong> {paragraphs[0]}";
                }
                else
                {
                    html.Append("<h2>").Append(Encode(block.Heading)).Append("</h2>");
                }
            }

            if (block.Highlight is not null)
            {
                html.Append("<p><strong>").Append(Encode(block.Highlight)).Append("</strong></p>");
            }

            foreach (var paragraph in paragraphs)
            {
                html.Append("<p>").Append(paragraph).Append("</p>");
            }

            if (block.Style == OutlineStyle.InlineList && block.Items.Count > 0)
            {
                html.Append("<p>").Append(Encode(string.Join(", ", block.Items.Select(i => i.Text)))).Append("</p>");
            }
            else if (block.Items.Count > 0)
            {
                html.Append("<ul>");
                foreach (var item in block.Items)
                {
                    html.Append("<li>").Append(Encode(item.Text)).Append("</li>");
                }

                html.Append("</ul>");
            }

            foreach (var paragraph in block.ClosingParagraphs)
            {
                html.Append("<p>").Append(Lines(paragraph)).Append("</p>");
            }
        }

        return html.ToString();
    }

    private static string Lines(IReadOnlyList<string> lines) => string.Join("<br>", lines.Select(Encode));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void AddIfPresent(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[name] = value;
        }
    }
}
