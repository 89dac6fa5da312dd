using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Web.Import;

/// <summary>
/// Reads one schema.org JobPosting (JSON-LD as Google for Jobs takes it, and as the details page writes it) into a
/// <see cref="FeedPosting"/>, or says everything that is wrong with it in the feed's own terms ("baseSalary: ...").
/// Nothing the ad says is dropped where the posting has a place for it; the parts with no field of their own
/// (benefits without a salary, working hours in words, start date) become text sections.
/// </summary>
public static partial class JobPostingJsonLdReader
{
    private const decimal MaxSalary = 999_999_999_999m;
    private const int MaxWebAddressLength = 500;
    private const int MaxCompanyFieldLength = 200;

    // What JobPostingJsonLd writes for CompensationCashIncentive: no section needed to say it again.
    private const string CashIncentiveText = "Performance-based cash incentive";

    private static readonly string[] RegionTypes = ["State", "AdministrativeArea", "City", "Place"];

    private static readonly string[] ProfileSites =
    [
        "linkedin.com", "facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "tiktok.com", "xing.com",
        "wikipedia.org", "wikidata.org", "crunchbase.com", "glassdoor.com", "indeed.com",
    ];

    private static readonly IReadOnlyDictionary<string, JsonElement> NoNodes = new Dictionary<string, JsonElement>();

    /// <summary>Reads one entry; <paramref name="nodesById"/> resolves {"@id": ...} references to other nodes of an @graph.</summary>
    public static Result<FeedPosting> Read(JsonElement entry, IReadOnlyDictionary<string, JsonElement>? nodesById = null) =>
        new EntryReader(nodesById ?? NoNodes).Read(entry);

    /// <summary>Whether a node is a JobPosting: its @type says so, or it has none (feeds often leave it out).</summary>
    public static bool IsJobPosting(JsonElement node, out string? otherType)
    {
        otherType = null;
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var type))
        {
            return true;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : [type];
        var names = types.Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
        if (names.Count == 0 || names.Any(name => name.EndsWith("JobPosting", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        otherType = names[0];
        return false;
    }

    // "40", "40 hours", "37.5 hours per week", "40h/week": nothing but the weekly hours.
    [GeneratedRegex(@"^(\d{1,3}(?:\.\d{1,2})?)\s*(?:(?:hours?|hrs?|h)(?:\s*(?:per|a|/|each)\s*(?:week|wk)|\s*weekly)?)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex HoursOnly();

    [GeneratedRegex(@"(\d{1,3}(?:\.\d{1,2})?)\s*(?:hours?|hrs?|h)\s*(?:per|a|/|each)\s*(?:week|wk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HoursPerWeekInText();

    // O*NET and ISCO codes before a category's name ("15-1252.00 Software Developers").
    [GeneratedRegex(@"^\d{2}-\d{4}(?:\.\d{2})?\s+|^\d{4}\s+")]
    private static partial Regex OccupationCode();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(.*)$")]
    private static partial Regex IsoDate();

    /// <summary>The reading of one entry: it collects every problem rather than stopping at the first.</summary>
    private sealed class EntryReader(IReadOnlyDictionary<string, JsonElement> nodesById)
    {
        private readonly List<DomainError> _errors = [];
        private readonly List<Requirement> _requirements = [];
        private readonly List<PostingSection> _textSections = [];
        private readonly List<string> _applicantCountries = [];
        private string? _requirementsLeadIn;
        private int? _experienceYearsMin;

        public Result<FeedPosting> Read(JsonElement entry)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return Result<FeedPosting>.Failure(new DomainError("entry", $"A JobPosting is an object, not {Describe(entry.ValueKind)}."));
            }

            if (!IsJobPosting(entry, out var otherType))
            {
                return Result<FeedPosting>.Failure(new DomainError("@type", $"\"{otherType}\" is not a JobPosting."));
            }

            var title = Line(entry, "title");
            if (title is null)
            {
                Fail("title", "A posting needs a title.");
            }

            var company = ReadCompany(entry);
            var reference = ReadIdentifier(entry);
            var summary = Prose(entry, "description");
            var (coreResponsibilities, responsibilities, responsibilitiesLeadIn) = ReadResponsibilities(entry);
            ReadRequirements(entry, "qualifications", RequirementKind.General);
            ReadRequirements(entry, "educationRequirements", RequirementKind.Education);
            ReadRequirements(entry, "experienceRequirements", RequirementKind.Experience);
            foreach (var property in new[] { "eligibilityToWorkRequirement", "securityClearanceRequirement", "physicalRequirement", "sensoryRequirement" })
            {
                ReadRequirements(entry, property, RequirementKind.General);
            }

            var employmentType = ReadEmploymentType(entry);
            var workMode = ReadWorkMode(entry)
                ?? WorkModeTag.In([summary, coreResponsibilities, .. responsibilities, .. _requirements.Select(r => r.Text)])
                ?? WorkMode.OnSite;
            ReadApplicantCountries(entry);
            var locations = ReadLocations(entry, workMode);
            var compensation = ReadCompensation(entry);
            var hoursPerWeek = ReadWorkHours(entry);
            ReadOtherTextSections(entry);
            var datePosted = Date(entry, "datePosted");
            var validThrough = Date(entry, "validThrough");
            var (applyUrl, applyEmail) = ReadApplyRoute(entry, company);
            var categories = ReadCategories(entry);
            var skills = ReadSkills(entry);
            var language = ReadLanguage(entry);

            if (_errors.Count > 0 || title is null || company is null)
            {
                return Result<FeedPosting>.Failure(_errors);
            }

            var content = new PostingContent
            {
                Title = title,
                Summary = summary,
                CoreResponsibilities = coreResponsibilities,
                RequisitionReference = reference,
                ApplyUrl = applyUrl,
                ApplyEmail = applyEmail,
                Responsibilities = responsibilities,
                Requirements = _requirements,
                Sections = Sections(summary, responsibilities, responsibilitiesLeadIn, compensation),
                Compensation = compensation,
                Locations = locations,
                WorkMode = workMode,
                EmploymentType = employmentType,
                ExperienceYearsMin = _experienceYearsMin,
                HoursPerWeek = hoursPerWeek,
                WorkingLanguage = language,
                ApplicantCountries = _applicantCountries.Distinct().ToList(),
                DatePosted = datePosted,
                ValidThrough = validThrough,
            };

            var posting = new FeedPosting(company, content, categories, skills);
            foreach (var error in posting.ToContent(Category.Create, Skill.Create).Validate())
            {
                Fail(FeedPropertyOf(error.Field), error.Message);
            }

            foreach (var error in Company.Create(company.Name, company.Profile).Errors)
            {
                Fail(error.Field == nameof(Company.Name) ? "hiringOrganization.name" : "hiringOrganization", error.Message);
            }

            return _errors.Count > 0 ? Result<FeedPosting>.Failure(_errors) : Result<FeedPosting>.Success(posting);
        }

        private FeedCompany? ReadCompany(JsonElement entry)
        {
            var organization = First(Get(entry, "hiringOrganization"));
            string? name = null;
            string? website = null;
            string? logo = null;
            string? about = null;
            string? headquarters = null;
            int? employees = null;
            switch (organization?.ValueKind)
            {
                case null:
                    Fail("hiringOrganization", "A posting needs the organization that hires, with its name.");
                    return null;
                case JsonValueKind.String:
                    name = Clean(HtmlText.ToLine(organization.Value.GetString()!));
                    break;
                case JsonValueKind.Object:
                    var org = organization.Value;
                    name = Line(org, "name", "hiringOrganization.name");
                    website = Website(Get(org, "url"), Get(org, "sameAs"));
                    logo = FirstWebAddress(Get(org, "logo") is { ValueKind: JsonValueKind.Object } image ? Get(image, "url") ?? Get(image, "contentUrl") : Get(org, "logo"));
                    about = Prose(org, "description", "hiringOrganization.description");
                    headquarters = Get(org, "address") is { } address ? ReadAddress(address, "hiringOrganization.address").ToString() : null;
                    employees = ReadEmployeeCount(org);
                    break;
                default:
                    WrongType("hiringOrganization", organization.Value, "an Organization or a name");
                    return null;
            }

            if (name is null)
            {
                Fail("hiringOrganization.name", "The hiring organization needs a name.");
                return null;
            }

            var industry = Names(entry, "industry") is { Count: > 0 } industries ? string.Join(", ", industries) : null;
            if (industry is { Length: > MaxCompanyFieldLength })
            {
                Fail("industry", $"The industry has at most {MaxCompanyFieldLength} characters.");
            }

            return new FeedCompany(name, new CompanyProfile(
                About: about ?? Prose(entry, "employerOverview"),
                Website: website,
                LogoUrl: logo,
                EmployeeCount: employees,
                Industry: industry,
                Headquarters: headquarters is { Length: > 0 and <= MaxCompanyFieldLength } ? headquarters : null));
        }

        private int? ReadEmployeeCount(JsonElement organization)
        {
            var value = Get(organization, "numberOfEmployees");
            if (value is { ValueKind: JsonValueKind.Object } quantity)
            {
                value = Get(quantity, "value") ?? Get(quantity, "maxValue") ?? Get(quantity, "minValue");
            }

            var count = value is null ? null : Number(value.Value, "hiringOrganization.numberOfEmployees");
            return count is >= 1 and <= int.MaxValue ? (int)count : null;
        }

        private string? ReadIdentifier(JsonElement entry)
        {
            var identifier = First(Get(entry, "identifier"));
            if (identifier is { ValueKind: JsonValueKind.Object } propertyValue)
            {
                identifier = Get(propertyValue, "value");
                if (identifier is null)
                {
                    Fail("identifier", "A PropertyValue identifier needs a value.");
                    return null;
                }
            }

            return identifier?.ValueKind switch
            {
                null => null,
                JsonValueKind.String => Clean(identifier.Value.GetString()!),
                JsonValueKind.Number => identifier.Value.GetRawText(),
                _ => WrongType("identifier", identifier.Value, "text, a number or a PropertyValue"),
            };
        }

        /// <summary>One line is the role's core in a few words; several lines (a list) are the responsibilities themselves.</summary>
        private (string? Core, List<string> Items, string? LeadIn) ReadResponsibilities(JsonElement entry)
        {
            var value = Get(entry, "responsibilities");
            if (value is { ValueKind: JsonValueKind.Array } list)
            {
                return (null, list.EnumerateArray().SelectMany(item => Lines(item, "responsibilities")).ToList(), null);
            }

            var lines = value is null ? [] : Lines(value.Value, "responsibilities");
            if (lines.Count <= 1)
            {
                return (lines.FirstOrDefault(), [], null);
            }

            var (leadIn, items) = SplitLeadIn(lines);
            return (null, items, leadIn);
        }

        private enum RequirementKind
        {
            General,
            Education,
            Experience,
        }

        private void ReadRequirements(JsonElement entry, string property, RequirementKind kind)
        {
            foreach (var item in Many(Get(entry, property)))
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    ReadRequirementObject(item, property);
                    continue;
                }

                var lines = Lines(item, property);
                if (kind == RequirementKind.General && _requirements.Count == 0 && _requirementsLeadIn is null)
                {
                    (_requirementsLeadIn, lines) = SplitLeadIn(lines);
                }

                foreach (var line in lines)
                {
                    var facts = kind == RequirementKind.Education && line.Length <= 100 ? new RequirementFacts(Education: line) : null;
                    _requirements.Add(Requirement.Create(RequirementImportance.Essential, line, facts));
                }
            }
        }

        /// <summary>EducationalOccupationalCredential, OccupationalExperienceRequirements, or anything with a name.</summary>
        private void ReadRequirementObject(JsonElement requirement, string property)
        {
            var description = Line(requirement, "description", $"{property}.description") ?? Line(requirement, "name", $"{property}.name");
            if (Get(requirement, "monthsOfExperience") is { } monthsValue)
            {
                var months = Number(monthsValue, $"{property}.monthsOfExperience");
                if (months is < 0 or > 720)
                {
                    Fail($"{property}.monthsOfExperience", "Months of experience must be between 0 and 720.");
                    return;
                }

                if (months is not { } known)
                {
                    return;
                }

                var years = (int)Math.Round(known / 12, MidpointRounding.AwayFromZero);
                _experienceYearsMin ??= years;
                if (description is not null)
                {
                    _requirements.Add(Requirement.Create(RequirementImportance.Essential, description, new RequirementFacts(ExperienceYears: years)));
                }

                return;
            }

            var credential = Name(Get(requirement, "credentialCategory"), $"{property}.credentialCategory")
                             ?? Name(Get(requirement, "educationalLevel"), $"{property}.educationalLevel");
            if (credential is not null)
            {
                // Google's own values ("bachelor degree", as this board writes them) read as the board names them.
                var education = EducationLevels.FromSchemaOrg(credential)?.Label() ?? Capitalized(credential);
                _requirements.Add(Requirement.Create(RequirementImportance.Essential, description ?? education, new RequirementFacts(Education: education)));
            }
            else if (description is not null)
            {
                _requirements.Add(Requirement.Create(RequirementImportance.Essential, description));
            }
            else
            {
                Fail(property, "A requirement object needs a name, a description, a credentialCategory or monthsOfExperience.");
            }
        }

        private EmploymentType? ReadEmploymentType(JsonElement entry)
        {
            EmploymentType? first = null;
            foreach (var item in Many(Get(entry, "employmentType")))
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    WrongType("employmentType", item, "text such as FULL_TIME");
                    continue;
                }

                foreach (var value in item.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (PostingEnumNames.ParseEmploymentType(value) is { } type)
                    {
                        first ??= type;
                    }
                    else
                    {
                        Fail("employmentType", $"\"{value}\" is not an employment type: use FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER.");
                    }
                }
            }

            return first;
        }

        /// <summary>The work mode jobLocationType states; null when it states none.</summary>
        private WorkMode? ReadWorkMode(JsonElement entry)
        {
            WorkMode? mode = null;
            foreach (var item in Many(Get(entry, "jobLocationType")))
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    WrongType("jobLocationType", item, "text such as TELECOMMUTE");
                    continue;
                }

                var value = item.GetString()!.Trim();
                if (PostingEnumNames.ParseWorkMode(value) is { } parsed)
                {
                    mode ??= parsed;
                }
                else if (value.Length > 0)
                {
                    Fail("jobLocationType", $"\"{value}\" is not a job location type: TELECOMMUTE marks remote work.");
                }
            }

            return mode;
        }

        /// <summary>Countries by code or name; a State or other region counts as its country.</summary>
        private void ReadApplicantCountries(JsonElement entry)
        {
            foreach (var item in Many(Get(entry, "applicantLocationRequirements")))
            {
                var name = Name(item, "applicantLocationRequirements");
                if (name is null)
                {
                    continue;
                }

                // "CA" is Canada as a Country but California as a State: only a region is looked up as a place.
                var isRegion = item.ValueKind == JsonValueKind.Object
                               && RegionTypes.Any(type => IsOfType(item, type));
                var code = isRegion ? Gazetteer.Default.Match(name)?.Place.CountryCode : JobLocationResolver.CountryCode(name);
                if (code is null)
                {
                    Fail("applicantLocationRequirements", $"\"{name}\" is not a country or region the gazetteer knows.");
                }
                else
                {
                    _applicantCountries.Add(code);
                }
            }
        }

        private List<PlaceInput> ReadLocations(JsonElement entry, WorkMode workMode)
        {
            var places = new List<PlaceInput>();
            foreach (var item in Many(Get(entry, "jobLocation")))
            {
                FeedAddress address;
                double? latitude = null;
                double? longitude = null;
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        address = AddressFromText(item.GetString()!);
                        break;
                    case JsonValueKind.Object:
                        // A Place with an address, or (loosely) the PostalAddress itself.
                        var postal = Get(item, "address") ?? (item.TryGetProperty("addressLocality", out _) || item.TryGetProperty("addressCountry", out _) ? item : null);
                        address = postal is null ? new FeedAddress(null, null, null, null) : ReadAddress(postal.Value, "jobLocation.address");
                        address = address with { PlaceName = Line(item, "name", "jobLocation.name") };
                        var errorsBefore = _errors.Count;
                        (latitude, longitude) = ReadCoordinates(Get(item, "geo") ?? item);
                        if (_errors.Count > errorsBefore)
                        {
                            continue;
                        }

                        break;
                    default:
                        WrongType("jobLocation", item, "a Place");
                        continue;
                }

                // "Remote, anywhere in the US" is often written as a jobLocation naming only the country: it says
                // where applicants may live, not a place of work.
                if (workMode == WorkMode.Remote && address.IsCountryOnly && latitude is null)
                {
                    if (JobLocationResolver.CountryCode(address.Country) is { } country)
                    {
                        _applicantCountries.Add(country);
                        continue;
                    }
                }

                var (place, problem) = JobLocationResolver.Resolve(address, latitude, longitude);
                if (place is null)
                {
                    Fail("jobLocation", $"The place {problem}.");
                }
                else
                {
                    places.Add(place);
                }
            }

            return places;
        }

        private FeedAddress ReadAddress(JsonElement address, string field)
        {
            if (address.ValueKind == JsonValueKind.String)
            {
                return AddressFromText(address.GetString()!);
            }

            if (address.ValueKind != JsonValueKind.Object)
            {
                WrongType(field, address, "a PostalAddress");
                return new FeedAddress(null, null, null, null);
            }

            return new FeedAddress(
                Line(address, "addressLocality", $"{field}.addressLocality"),
                Line(address, "addressRegion", $"{field}.addressRegion"),
                Name(Get(address, "addressCountry"), $"{field}.addressCountry"),
                null);
        }

        private static FeedAddress AddressFromText(string text) => FeedAddress.FromText(Clean(HtmlText.ToLine(text)) ?? string.Empty);

        private (double? Latitude, double? Longitude) ReadCoordinates(JsonElement geo)
        {
            var latitudeValue = Get(geo, "latitude");
            var longitudeValue = Get(geo, "longitude");
            if (latitudeValue is null && longitudeValue is null)
            {
                return (null, null);
            }

            var latitude = latitudeValue is null ? null : Number(latitudeValue.Value, "jobLocation.geo.latitude");
            var longitude = longitudeValue is null ? null : Number(longitudeValue.Value, "jobLocation.geo.longitude");
            if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
            {
                Fail("jobLocation.geo", "Coordinates need a latitude between -90 and 90 and a longitude between -180 and 180.");
                return (null, null);
            }

            return ((double)latitude, (double)longitude);
        }

        private Compensation? ReadCompensation(JsonElement entry)
        {
            var benefits = Prose(entry, "jobBenefits") ?? Prose(entry, "benefits");
            var incentive = Prose(entry, "incentiveCompensation") ?? Prose(entry, "incentives");
            var salary = First(Get(entry, "baseSalary"));
            Compensation? compensation = null;
            if (salary is { } amount)
            {
                compensation = ReadSalary(amount, Line(entry, "salaryCurrency"), cashIncentive: incentive is not null, benefits);
            }

            if (compensation is null && benefits is not null)
            {
                _textSections.Add(PostingSection.Text("Benefits", benefits));
            }

            if (incentive is not null && !(compensation is not null && incentive == CashIncentiveText))
            {
                _textSections.Add(PostingSection.Text("Incentive compensation", incentive));
            }

            return compensation;
        }

        /// <summary>A MonetaryAmount whose value is a QuantitativeValue (minValue/maxValue or value, and unitText).</summary>
        private Compensation? ReadSalary(JsonElement salary, string? fallbackCurrency, bool cashIncentive, string? benefits)
        {
            if (salary.ValueKind != JsonValueKind.Object)
            {
                Fail("baseSalary", "A salary needs its pay period: give a MonetaryAmount whose value has unitText HOUR, DAY, WEEK, MONTH or YEAR.");
                return null;
            }

            var currency = Line(salary, "currency", "baseSalary.currency") ?? Line(salary, "priceCurrency", "baseSalary.priceCurrency") ?? fallbackCurrency;
            var errorsBefore = _errors.Count;
            var value = Get(salary, "value");
            var quantity = value is { ValueKind: JsonValueKind.Object } inner ? inner : salary;
            var single = value is { ValueKind: not JsonValueKind.Object } number ? Amount(number, "baseSalary.value") : Amount(Get(quantity, "value"), "baseSalary.value.value");
            var minimum = Amount(Get(quantity, "minValue"), "baseSalary.value.minValue") ?? Amount(Get(salary, "minValue"), "baseSalary.minValue") ?? single;
            var maximum = Amount(Get(quantity, "maxValue"), "baseSalary.value.maxValue") ?? Amount(Get(salary, "maxValue"), "baseSalary.maxValue")
                          ?? (minimum == single ? single : null);
            var unit = Line(quantity, "unitText", "baseSalary.value.unitText") ?? Line(salary, "unitText", "baseSalary.unitText");
            if (_errors.Count > errorsBefore)
            {
                return null;
            }

            if (unit is null)
            {
                Fail("baseSalary.value.unitText", "A salary needs its pay period: unitText HOUR, DAY, WEEK, MONTH or YEAR.");
                return null;
            }

            if (PayPeriodOf(unit) is not { } period)
            {
                Fail("baseSalary.value.unitText", $"\"{unit}\" is not a pay period: use HOUR, DAY, WEEK, MONTH or YEAR.");
                return null;
            }

            var created = Compensation.Create(currency, minimum, maximum, period, cashIncentive, equityEligible: false, benefits);
            foreach (var error in created.Errors)
            {
                Fail(error.Field == nameof(Compensation.Currency) ? "baseSalary.currency" : "baseSalary", error.Message);
            }

            return created.Succeeded ? created.Value : null;
        }

        private decimal? Amount(JsonElement? value, string field)
        {
            if (value is null)
            {
                return null;
            }

            var amount = Number(value.Value, field);
            if (amount is > MaxSalary)
            {
                Fail(field, $"{amount.Value.ToString(CultureInfo.InvariantCulture)} is beyond any salary the board can hold.");
                return null;
            }

            return amount;
        }

        private static PayPeriod? PayPeriodOf(string unit) =>
            new string(unit.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray()) switch
            {
                "hour" or "hours" or "hourly" or "perhour" => PayPeriod.Hour,
                "day" or "days" or "daily" or "perday" => PayPeriod.Day,
                "week" or "weeks" or "weekly" or "perweek" => PayPeriod.Week,
                "month" or "months" or "monthly" or "permonth" => PayPeriod.Month,
                "year" or "years" or "yearly" or "annual" or "annually" or "peryear" or "perannum" => PayPeriod.Year,
                _ => null,
            };

        /// <summary>"40 hours per week" is the hours field; anything else said about hours is kept as a section.</summary>
        private decimal? ReadWorkHours(JsonElement entry)
        {
            var value = Get(entry, "workHours");
            if (value is { ValueKind: JsonValueKind.Number } number)
            {
                return Number(number, "workHours");
            }

            var text = Line(entry, "workHours");
            if (text is null)
            {
                return null;
            }

            if (HoursOnly().Match(text) is { Success: true } whole)
            {
                return decimal.Parse(whole.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            _textSections.Add(PostingSection.Text("Working hours", text));
            return HoursPerWeekInText().Match(text) is { Success: true } inText
                ? decimal.Parse(inText.Groups[1].Value, CultureInfo.InvariantCulture)
                : null;
        }

        private void ReadOtherTextSections(JsonElement entry)
        {
            var start = Get(entry, "jobStartDate") is { ValueKind: JsonValueKind.String } startDate
                ? Clean(startDate.GetString()!)
                : Get(entry, "jobImmediateStart") is { ValueKind: JsonValueKind.True } ? "Immediate start" : null;
            AddTextSection("Start date", start);
            AddTextSection("Special commitments", Prose(entry, "specialCommitments"));
            if (Get(entry, "totalJobOpenings") is { } openings && Number(openings, "totalJobOpenings") is { } count)
            {
                AddTextSection("Openings", count.ToString(CultureInfo.InvariantCulture));
            }
        }

        private void AddTextSection(string heading, string? body)
        {
            if (body is not null)
            {
                _textSections.Add(PostingSection.Text(heading, body));
            }
        }

        /// <summary>applicationContact first (it is the apply route), then the ad's own page, then the company's site.</summary>
        private (string? Url, string? Email) ReadApplyRoute(JsonElement entry, FeedCompany? company)
        {
            string? url = null;
            string? email = null;
            foreach (var contact in Many(Get(entry, "applicationContact")).Where(c => c.ValueKind == JsonValueKind.Object))
            {
                url ??= FirstWebAddress(Get(contact, "url"));
                if (email is null && Get(contact, "email") is { ValueKind: JsonValueKind.String } address)
                {
                    var value = address.GetString()!.Trim();
                    value = value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? value["mailto:".Length..] : value;
                    email = value.Length <= PostingContent.MaxShortTextLength && WebAddress.IsValidEmail(value) ? value : null;
                }
            }

            // The company's site is only a last resort: it must not hide an apply e-mail the ad gives.
            url ??= FirstWebAddress(Get(entry, "url")) ?? (email is null ? company?.Profile.Website : null);
            return (url, email);
        }

        private List<string> ReadCategories(JsonElement entry)
        {
            var names = new List<string>();
            foreach (var item in Many(Get(entry, "occupationalCategory")))
            {
                var name = item.ValueKind == JsonValueKind.Object
                    ? Line(item, "name", "occupationalCategory.name") ?? Line(item, "codeValue", "occupationalCategory.codeValue")
                    : Name(item, "occupationalCategory");
                if (name is not null && OccupationCode().Replace(name, string.Empty) is { Length: > 0 } withoutCode)
                {
                    names.Add(TaxonomyName(withoutCode, "occupationalCategory"));
                }
            }

            return names;
        }

        private List<string> ReadSkills(JsonElement entry)
        {
            var value = Get(entry, "skills");
            if (value is { ValueKind: JsonValueKind.String } text)
            {
                // One text lists its skills with commas or semicolons (or as an HTML list); a list's items are whole.
                return HtmlText.ToPlainText(text.GetString()!)
                    .Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(name => TaxonomyName(name, "skills"))
                    .ToList();
            }

            return Many(value).Select(item => Name(item, "skills")).OfType<string>().Select(name => TaxonomyName(name, "skills")).ToList();
        }

        private string TaxonomyName(string name, string field)
        {
            if (name.Length > Category.MaxNameLength)
            {
                Fail(field, $"\"{name[..40]}…\" is longer than {Category.MaxNameLength} characters.");
            }

            return name;
        }

        /// <summary>inLanguage as the page writes it ("English"); a language tag ("en-US") is named in English.</summary>
        private string? ReadLanguage(JsonElement entry)
        {
            var language = Name(Get(entry, "inLanguage"), "inLanguage");
            if (language is { Length: >= 2 and <= 8 } tag && tag.All(c => char.IsAsciiLetter(c) || c == '-'))
            {
                try
                {
                    var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
                    var neutral = culture.IsNeutralCulture || culture.Parent == CultureInfo.InvariantCulture ? culture : culture.Parent;
                    return neutral.EnglishName;
                }
                catch (CultureNotFoundException)
                {
                    // A language name rather than a tag ("English"), kept as written.
                }
            }

            return language;
        }

        /// <summary>
        /// The ad's order, made explicit once it has text sections of its own (which would otherwise come before the
        /// summary): summary, responsibilities, requirements, compensation, then the rest.
        /// </summary>
        private List<PostingSection> Sections(string? summary, List<string> responsibilities, string? responsibilitiesLeadIn, Compensation? compensation)
        {
            var sections = new List<PostingSection>();
            if (summary is not null)
            {
                sections.Add(PostingSection.Structured(SectionKind.Summary, "Summary"));
            }

            if (responsibilities.Count > 0)
            {
                sections.Add(PostingSection.Structured(SectionKind.Responsibilities, "Responsibilities", responsibilitiesLeadIn));
            }

            if (_requirements.Count > 0)
            {
                sections.Add(PostingSection.Structured(SectionKind.EssentialRequirements, "Requirements", _requirementsLeadIn));
            }

            if (compensation is not null)
            {
                sections.Add(PostingSection.Structured(SectionKind.Compensation, "Compensation"));
            }

            sections.AddRange(_textSections);
            return sections;
        }

        // ---- JSON helpers: each says what is wrong in the feed's terms and carries on ----

        /// <summary>The property's value, with an {"@id": ...} reference replaced by the node it names; null when absent.</summary>
        private JsonElement? Get(JsonElement node, string name)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out var value)
                || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
                && nodesById.TryGetValue(id.GetString()!, out var referenced))
            {
                return referenced;
            }

            return value;
        }

        private static IEnumerable<JsonElement> Many(JsonElement? value) => value switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(item => item.ValueKind != JsonValueKind.Null),
            { } single => [single],
        };

        private static JsonElement? First(JsonElement? value) => Many(value).Cast<JsonElement?>().FirstOrDefault();

        /// <summary>Text on one line (titles, names); null when absent or empty.</summary>
        private string? Line(JsonElement node, string name, string? field = null)
        {
            var value = Get(node, name);
            return value?.ValueKind switch
            {
                null => null,
                JsonValueKind.String => Clean(HtmlText.ToLine(value.Value.GetString()!)),
                _ => WrongType(field ?? name, value.Value, "text"),
            };
        }

        /// <summary>Text that may be HTML, as paragraphs.</summary>
        private string? Prose(JsonElement node, string name, string? field = null)
        {
            var value = Get(node, name);
            return value?.ValueKind switch
            {
                null => null,
                JsonValueKind.String => Clean(HtmlText.ToPlainText(value.Value.GetString()!)),
                JsonValueKind.Array => Clean(string.Join("\n", value.Value.EnumerateArray().SelectMany(item => Lines(item, field ?? name)))),
                _ => WrongType(field ?? name, value.Value, "text"),
            };
        }

        /// <summary>The non-empty lines of a text (list items, paragraphs) or of one item of a list.</summary>
        private List<string> Lines(JsonElement value, string field)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return HtmlText.ToPlainText(value.GetString()!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            }

            WrongType(field, value, "text");
            return [];
        }

        /// <summary>A name given as text or as an object with a name (Country, DefinedTerm, Language ...).</summary>
        private string? Name(JsonElement? value, string field) => value?.ValueKind switch
        {
            null => null,
            JsonValueKind.String => Clean(HtmlText.ToLine(value.Value.GetString()!)),
            JsonValueKind.Object => Line(value.Value, "name", $"{field}.name"),
            _ => WrongType(field, value.Value, "text or an object with a name"),
        };

        private List<string> Names(JsonElement node, string name) =>
            Many(Get(node, name)).Select(item => Name(item, name)).OfType<string>().ToList();

        private decimal? Number(JsonElement value, string field)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when value.TryGetDecimal(out var number):
                    return number;
                case JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    WrongType(field, value, "a number");
                    return null;
            }
        }

        private DateOnly? Date(JsonElement node, string name)
        {
            var value = Get(node, name);
            if (value is null)
            {
                return null;
            }

            var text = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()!.Trim() : null;
            if (text is not null && IsoDate().Match(text) is { Success: true } match
                && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && (match.Groups[2].Length == 0
                    || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
            {
                // The day as the feed writes it, in its own time zone: "2026-12-31T23:59:59-05:00" closes on the 31st.
                return date;
            }

            Fail(name, $"{(text is null ? Describe(value.Value.ValueKind) : $"\"{text}\"")} is not a date: use ISO 8601, such as 2026-11-23 or 2026-11-23T09:00:00Z.");
            return null;
        }

        private static string? FirstWebAddress(params JsonElement?[] values) => WebAddresses(values).FirstOrDefault();

        /// <summary>The organization's own site: sameAs often lists its profiles elsewhere (LinkedIn, Wikipedia) first.</summary>
        private static string? Website(JsonElement? url, JsonElement? sameAs)
        {
            var addresses = WebAddresses(url, sameAs).ToList();
            return addresses.FirstOrDefault(address => !IsProfileSite(new Uri(address).Host)) ?? addresses.FirstOrDefault();

            static bool IsProfileSite(string host) =>
                ProfileSites.Any(site => host.Equals(site, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + site, StringComparison.OrdinalIgnoreCase));
        }

        private static IEnumerable<string> WebAddresses(params JsonElement?[] values) =>
            values.SelectMany(Many)
                .Where(value => value.ValueKind == JsonValueKind.String)
                .Select(value => value.GetString()!.Trim())
                .Where(address => address.Length <= MaxWebAddressLength && WebAddress.IsValid(address));

        private static bool IsOfType(JsonElement node, string type) =>
            node.TryGetProperty("@type", out var value)
            && (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == type)
                : value.ValueKind == JsonValueKind.String && value.GetString() == type);

        /// <summary>A leading "You will:" line introduces the list that follows.</summary>
        private static (string? LeadIn, List<string> Items) SplitLeadIn(List<string> lines) =>
            lines.Count > 1 && lines[0].EndsWith(':') ? (lines[0], lines[1..]) : (null, lines);

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        private static string? Clean(string text)
        {
            var cleaned = new string(text.Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
            return cleaned.Length == 0 ? null : cleaned;
        }

        private void Fail(string field, string message) => _errors.Add(new DomainError(field, message));

        private string? WrongType(string field, JsonElement value, string expected)
        {
            Fail(field, $"Expected {expected}, found {Describe(value.ValueKind)}.");
            return null;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "null",
        };

        /// <summary>The feed property a content rule concerns, so that the message names what the feed wrote.</summary>
        private static string FeedPropertyOf(string contentField) => contentField switch
        {
            nameof(PostingContent.Title) => "title",
            nameof(PostingContent.Summary) => "description",
            nameof(PostingContent.CoreResponsibilities) or nameof(PostingContent.Responsibilities) => "responsibilities",
            nameof(PostingContent.Requirements) => "qualifications",
            nameof(PostingContent.Sections) => "jobBenefits, incentiveCompensation or workHours",
            nameof(PostingContent.Locations) => "jobLocation",
            nameof(PostingContent.ApplicantCountries) => "applicantLocationRequirements",
            nameof(PostingContent.WorkMode) => "jobLocationType",
            nameof(PostingContent.EmploymentType) => "employmentType",
            nameof(PostingContent.ExperienceYearsMin) or nameof(PostingContent.ExperienceYearsMax) => "experienceRequirements",
            nameof(PostingContent.HoursPerWeek) => "workHours",
            nameof(PostingContent.DatePosted) => "datePosted",
            nameof(PostingContent.ValidThrough) => "validThrough",
            nameof(PostingContent.RequisitionReference) => "identifier",
            nameof(PostingContent.ApplyUrl) => "url",
            nameof(PostingContent.ApplyEmail) => "applicationContact.email",
            nameof(PostingContent.WorkingLanguage) => "inLanguage",
            nameof(PostingContent.Categories) => "occupationalCategory",
            nameof(PostingContent.Skills) => "skills",
            _ => contentField,
        };
    }
}
