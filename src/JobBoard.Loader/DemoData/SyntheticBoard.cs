using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JobBoard.Domain.Common;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Loader.DemoData;

/// <summary>
/// A realistic, reproducible demo board of any size: about forty fictional employers, titles by category, categories,
/// skills and places with skewed (Zipf-like) frequencies, salaries in the place's currency on about 60% of postings.
/// The same seed, places and day give the same postings. It returns data only; the caller saves it.
/// </summary>
public static partial class SyntheticBoard
{
    public const int DefaultCount = 300;
    public const int DefaultSeed = 20251027;
    public const string EqualOpportunityKey = "equal-opportunity";

    private const string CatalogResourcePrefix = "JobBoard.Loader.DemoData.Catalog.";

    private const string Leadership = "Management & Leadership";
    private const string HighSchool = "High school diploma";

    /// <summary>Postings are dated within this many days up to today.</summary>
    private const int Days = 60;

    private static readonly CategoryPlan[] Plans = [.. Catalog.Categories.Select((bank, i) => new CategoryPlan(bank, i))];
    private static readonly Employer[] Employers = [.. Catalog.Employers.Select(e => new Employer(e))];
    private static readonly int[][] EmployersByCategory = [.. Plans.Select(p => IndexesOf(p.Bank.Name))];
    private static readonly double[] CategoryWeights = ZipfCumulative(Plans.Length, 1.0);
    private static readonly double[] GeneralSkillWeights = ZipfCumulative(Catalog.Phrases.GeneralSkills.Length, 1.0);

    /// <summary>The managed category taxonomy the generator (and the demo file) uses, most frequent first.</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = [.. Catalog.Categories.Select(c => c.Name)];

    /// <summary>Every skill name the generator may tag a posting with.</summary>
    public static IReadOnlyList<string> SkillNames { get; } =
        [.. Catalog.Categories.SelectMany(c => c.Skills).Concat(Catalog.Phrases.GeneralSkills).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The fictional employers, with profiles and (for some) an equal-opportunity section postings refer to.</summary>
    public static IReadOnlyList<DemoCompany> Companies { get; } = [.. Employers.Select(e => e.Company)];

    /// <summary>
    /// Yields <paramref name="count"/> postings at the given places (earlier places get more postings: pass the biggest
    /// cities first), dated within the 60 days up to <paramref name="today"/>, oldest first, as a live board numbers
    /// its postings in the order they arrive (so its tables hold them roughly in date order too). Lazy, so a million
    /// postings stream.
    /// </summary>
    public static IEnumerable<SyntheticPosting> Generate(
        IReadOnlyList<PlaceInput> places, DateOnly today, int count = DefaultCount, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (places.Count == 0)
        {
            throw new ArgumentException("Give at least one place.", nameof(places));
        }

        return Iterate(new Generator(places, seed), today, count);
    }

    private static IEnumerable<SyntheticPosting> Iterate(Generator generator, DateOnly today, int count)
    {
        for (var i = 0; i < count; i++)
        {
            // As many postings each day, the i-th of the count on day i × Days / count of the window.
            yield return generator.Next(today.AddDays((int)((long)i * Days / count) - (Days - 1)));
        }
    }

    private static int[] IndexesOf(string category)
    {
        var found = new List<int>();
        for (var i = 0; i < Catalog.Employers.Length; i++)
        {
            if (Catalog.Employers[i].Categories.Contains(category, StringComparer.Ordinal))
            {
                found.Add(i);
            }
        }

        return found.Count > 0 ? [.. found] : throw new InvalidOperationException($"No synthetic employer hires for {category}.");
    }

    /// <summary>Running sums of 1/rank^s: item i is drawn in proportion to 1/(i+1)^s.</summary>
    private static double[] ZipfCumulative(int count, double exponent)
    {
        var sums = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1.0 / Math.Pow(i + 1, exponent);
            sums[i] = total;
        }

        return sums;
    }

    private static int PickWeighted(Random random, double[] cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : ~i;
        return Math.Min(i, cumulative.Length - 1);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static bool Chance(Random random, int percent) => random.Next(100) < percent;

    /// <summary>A category's phrase banks with what is derived from them once, so a posting allocates little.</summary>
    private sealed class CategoryPlan
    {
        public CategoryPlan(Catalog.CategoryBank bank, int index)
        {
            Bank = bank;
            Index = index;
            SeniorTitles = [.. bank.Titles.Select(t => "Senior " + t)];
            ExperienceTexts = [.. Enumerable.Range(0, 21).Select(n => $"{n}+ years of experience in {bank.Subject}")];
            SkillWeights = ZipfCumulative(bank.Skills.Length, 1.0);
            TeamBodies =
            [
                $"Our {bank.Team} team is made up of friendly, experienced people who look out for one another. You will have a buddy for your first weeks and regular one-to-ones with your manager.",
                $"You will join a {bank.Team} team that shares knowledge openly, celebrates progress and keeps meetings to a minimum.",
                $"The {bank.Team} team works closely with colleagues across the business. New starters get a structured induction and time to learn before taking on their own work.",
            ];
            Single = [bank.Name];
            WithLeadership = bank.Name == Leadership ? Single : [bank.Name, Leadership];
            WithRelated = [bank.Name, bank.Related];
        }

        public Catalog.CategoryBank Bank { get; }

        public int Index { get; }

        public string[] SeniorTitles { get; }

        public string[] ExperienceTexts { get; }

        public double[] SkillWeights { get; }

        public string[] TeamBodies { get; }

        public string[] Single { get; }

        public string[] WithLeadership { get; }

        public string[] WithRelated { get; }
    }

    private sealed class Employer
    {
        public Employer(Catalog.EmployerBank bank)
        {
            var slug = Slug.From(bank.Name);
            Bank = bank;
            Company = new DemoCompany
            {
                Name = bank.Name,
                About = bank.About,
                Website = $"https://www.{slug}.example",
                EmployeeCount = bank.Employees,
                Industry = bank.Industry,
                Headquarters = bank.Headquarters,
                Sections = bank.EqualOpportunity
                    ?
                    [
                        new DemoCompanySection(
                            EqualOpportunityKey,
                            "Equal opportunity",
                            $"{bank.Name} is an equal opportunity employer. We welcome applicants of every background and do not discriminate on the basis of race, colour, religion, sex, sexual orientation, gender identity, national origin, age, disability or veteran status.\n\nIf you need an adjustment during the application process, tell us and we will make it."),
                    ]
                    : [],
            };
            CareersUrl = $"https://careers.{slug}.example/jobs";
            ApplyEmail = $"jobs@{slug}.example";
        }

        public Catalog.EmployerBank Bank { get; }

        public DemoCompany Company { get; }

        public string CareersUrl { get; }

        public string ApplyEmail { get; }
    }

    /// <summary>One run's state: the seeded random source, the places and a reused text buffer.</summary>
    private sealed class Generator
    {
        private readonly Random _random;
        private readonly IReadOnlyList<PlaceInput> _places;
        private readonly double[] _placeWeights;
        private readonly Dictionary<string, int[]> _placesByCountry;
        private readonly Dictionary<string, string[]> _countryLists = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(int Category, string Country), int[]> _employersByCategoryAndCountry = [];
        private readonly StringBuilder _text = new(512);
        private readonly int[] _shuffle = new int[32];
        private readonly List<Requirement> _requirements = new(12);
        private readonly List<PostingSection> _sections = new(10);
        private readonly List<string> _skills = new(10);

        public Generator(IReadOnlyList<PlaceInput> places, int seed)
        {
            _random = new Random(seed);
            _places = places;
            _placeWeights = ZipfCumulative(places.Count, 0.7);
            _placesByCountry = places
                .Select((place, index) => (place.CountryCode.ToUpperInvariant(), index))
                .GroupBy(p => p.Item1, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.index).ToArray(), StringComparer.Ordinal);
        }

        public SyntheticPosting Next(DateOnly posted)
        {
            var random = _random;
            var plan = Plans[PickWeighted(random, CategoryWeights)];
            var bank = plan.Bank;
            var mainIndex = PickWeighted(random, _placeWeights);
            var place = _places[mainIndex];
            var candidates = EmployersFor(plan.Index, place.CountryCode);
            var employer = Employers[candidates[random.Next(candidates.Length)]];
            var seniority = PickSeniority();
            var title = TitleFor(plan, seniority);
            var categories = seniority is Seniority.Director or Seniority.Executive && Chance(random, 70) ? plan.WithLeadership
                : Chance(random, 20) ? plan.WithRelated
                : plan.Single;

            var country = Catalog.CountryOf(place.CountryCode);
            var workMode = PickWorkMode(bank);
            var locations = workMode == WorkMode.FieldBased ? Territory(mainIndex, place) : [place];
            var applicantCountries = workMode == WorkMode.Remote ? ApplicantCountriesFor(place.CountryCode, country) : [];
            var employmentType = PickEmploymentType(bank, seniority);
            var (yearsMin, yearsMax) = ExperienceFor(seniority);

            // Benefits go either into the pay (shown after it) or into their own section, never both.
            var benefits = Catalog.BenefitsFor(place.CountryCode);
            var compensation = country is not null && Chance(random, 60)
                ? PayFor(bank, seniority, employmentType, country, Chance(random, 35) ? Pick(random, benefits) : null)
                : null;
            var benefitsSection = compensation?.Benefits is null && Chance(random, 40) ? Pick(random, benefits) : null;

            var responsibilities = PickDistinct(bank.Duties, random.Next(3, 8));
            BuildRequirements(plan, seniority, yearsMin, workMode, country);
            var skills = PickSkills(plan);
            BuildSections(plan, employer, compensation is not null, benefitsSection);

            var requisition = Chance(random, 70) ? $"{employer.Bank.Prefix}-{random.Next(10000, 100000)}" : null;
            var byEmail = Chance(random, 10);

            var content = new PostingContent
            {
                Title = title,
                Summary = SummaryFor(plan, employer, title, place, workMode),
                RequisitionReference = requisition,
                ApplyUrl = byEmail ? null : requisition is null ? employer.CareersUrl : $"{employer.CareersUrl}/{requisition}",
                ApplyEmail = byEmail ? employer.ApplyEmail : null,
                Responsibilities = responsibilities,
                Requirements = [.. _requirements],
                Sections = [.. _sections],
                Compensation = compensation,
                Locations = locations,
                WorkMode = workMode,
                RelocationSupport = PickFlag(seniority is Seniority.Director or Seniority.Executive ? 20 : 6, 12),
                VisaSponsorship = PickFlag(bank.SponsorsVisas ? 12 : 2, 16),
                EmploymentType = employmentType,
                ExperienceYearsMin = yearsMin,
                ExperienceYearsMax = yearsMax,
                Seniority = seniority,
                HoursPerWeek = HoursFor(employmentType, country),
                WorkingLanguage = Chance(random, 40) ? WorkingLanguageFor(country) : null,
                ApplicantCountries = applicantCountries,
                DatePosted = posted,
                ValidThrough = Chance(random, 85) ? posted.AddDays(random.Next(30, 91)) : null,
            };

            return new SyntheticPosting(employer.Company, content, categories, skills);
        }

        /// <summary>Employers hiring for the category in the country: local ones and those hiring everywhere.</summary>
        private int[] EmployersFor(int category, string countryCode)
        {
            if (!_employersByCategoryAndCountry.TryGetValue((category, countryCode), out var found))
            {
                var hiring = EmployersByCategory[category];
                found = [.. hiring.Where(i => Employers[i].Bank.Reach.Length == 0 || Employers[i].Bank.Reach.Contains(countryCode, StringComparer.OrdinalIgnoreCase))];
                if (found.Length == 0)
                {
                    found = hiring;
                }

                _employersByCategoryAndCountry[(category, countryCode)] = found;
            }

            return found;
        }

        private Seniority? PickSeniority() => _random.Next(100) switch
        {
            < 5 => null,
            < 25 => Seniority.Entry,
            < 62 => Seniority.Mid,
            < 86 => Seniority.Senior,
            < 97 => Seniority.Director,
            _ => Seniority.Executive,
        };

        private string TitleFor(CategoryPlan plan, Seniority? seniority)
        {
            var bank = plan.Bank;
            return seniority switch
            {
                Seniority.Entry => Pick(_random, bank.EntryTitles),
                Seniority.Senior => Pick(_random, plan.SeniorTitles),
                Seniority.Director => Pick(_random, bank.LeadTitles),
                Seniority.Executive => Pick(_random, bank.ExecutiveTitles),
                _ => Pick(_random, bank.Titles),
            };
        }

        private WorkMode PickWorkMode(Catalog.CategoryBank bank)
        {
            var roll = _random.Next(100);
            return roll < bank.RemotePercent ? WorkMode.Remote
                : roll < bank.RemotePercent + bank.HybridPercent ? WorkMode.Hybrid
                : roll < bank.RemotePercent + bank.HybridPercent + bank.FieldPercent ? WorkMode.FieldBased
                : WorkMode.OnSite;
        }

        /// <summary>A field-based role covers its main city and up to four more in the same country.</summary>
        private PlaceInput[] Territory(int mainIndex, PlaceInput main)
        {
            var sameCountry = _placesByCountry[main.CountryCode.ToUpperInvariant()];
            var wanted = Math.Min(sameCountry.Length, _random.Next(2, 6));
            var territory = new PlaceInput[wanted];
            territory[0] = main;
            var filled = 1;
            for (var attempt = 0; filled < wanted && attempt < wanted * 8; attempt++)
            {
                var candidate = sameCountry[_random.Next(sameCountry.Length)];
                if (candidate != mainIndex && Array.IndexOf(territory, _places[candidate], 0, filled) < 0)
                {
                    territory[filled++] = _places[candidate];
                }
            }

            return filled == wanted ? territory : territory[..filled];
        }

        private string[] ApplicantCountriesFor(string countryCode, Catalog.Country? country)
        {
            if (country is { InEuropeanUnion: true } && Chance(_random, 25))
            {
                return Catalog.Phrases.EuropeanUnionCountries;
            }

            if (!_countryLists.TryGetValue(countryCode, out var list))
            {
                list = [countryCode.ToUpperInvariant()];
                _countryLists[countryCode] = list;
            }

            return list;
        }

        private EmploymentType? PickEmploymentType(Catalog.CategoryBank bank, Seniority? seniority)
        {
            var roll = _random.Next(100);
            if (roll < 8)
            {
                return null;
            }

            roll -= 8;
            if (roll < bank.PartTimePercent)
            {
                return EmploymentType.PartTime;
            }

            roll -= bank.PartTimePercent;
            if (roll < bank.ContractPercent)
            {
                return EmploymentType.Contractor;
            }

            roll -= bank.ContractPercent;
            return roll switch
            {
                < 3 => EmploymentType.Temporary,
                < 7 when seniority == Seniority.Entry => EmploymentType.Intern,
                < 9 when bank.PerDiem && seniority is not (Seniority.Director or Seniority.Executive) => EmploymentType.PerDiem,
                _ => EmploymentType.FullTime,
            };
        }

        private (int? Min, int? Max) ExperienceFor(Seniority? seniority)
        {
            if (!Chance(_random, 80))
            {
                return (null, null);
            }

            var (low, high) = seniority switch
            {
                Seniority.Entry => (0, 2),
                Seniority.Mid => (2, 5),
                Seniority.Senior => (5, 10),
                Seniority.Director => (8, 15),
                Seniority.Executive => (12, 20),
                _ => (1, 5),
            };
            var min = _random.Next(low, Math.Max(low + 1, high - 1));
            return Chance(_random, 60) ? (min, high) : (min, null);
        }

        private Compensation PayFor(Catalog.CategoryBank bank, Seniority? seniority, EmploymentType? type, Catalog.Country country, string? benefits)
        {
            var random = _random;
            var level = seniority switch
            {
                Seniority.Entry => 0.72,
                Seniority.Senior => 1.32,
                Seniority.Director => 1.85,
                Seniority.Executive => 2.6,
                _ => 1.0,
            };
            var annual = Math.Max(bank.MedianUsd * level * (0.88 + (random.NextDouble() * 0.24)) * country.PayFactor, country.MinimumYear * 1.08);
            var min = Math.Max(annual * (0.84 + (random.NextDouble() * 0.1)), country.MinimumYear);
            var max = annual * (1.08 + (random.NextDouble() * 0.25));

            var hourly = country.HourlyPay && (type == EmploymentType.PartTime
                || (bank.Hourly && seniority is null or Seniority.Entry or Seniority.Mid && Chance(random, 70)));
            var period = hourly ? PayPeriod.Hour : country.MonthlyPay ? PayPeriod.Month : PayPeriod.Year;
            var divisor = (double)Compensation.PeriodsPerYear(period);
            var minimum = Round(min / divisor, period);
            var maximum = Math.Max(Round(max / divisor, period), minimum);

            var shape = random.Next(100);
            var cash = Chance(random, bank.Name == "Sales" ? 55 : seniority is Seniority.Director or Seniority.Executive ? 40 : 8);
            var equity = Chance(random, bank.EquityPercent + (seniority is Seniority.Director or Seniority.Executive ? 20 : 0));
            var created = Compensation.Create(
                country.Currency, shape < 4 ? null : minimum, shape is >= 4 and < 12 ? null : maximum, period, cash, equity, benefits);
            return created.Succeeded ? created.Value : throw new InvalidOperationException($"Synthetic pay is invalid: {created}");
        }

        private static decimal Round(double amount, PayPeriod period)
        {
            var step = period switch
            {
                PayPeriod.Hour => 0.25,
                PayPeriod.Month => amount < 10_000 ? 50 : 100,
                _ => amount < 100_000 ? 500 : 1000,
            };
            return (decimal)(Math.Max(1, Math.Round(amount / step)) * step);
        }

        private decimal? HoursFor(EmploymentType? type, Catalog.Country? country) => type switch
        {
            EmploymentType.FullTime when Chance(_random, 45) => country?.HoursPerWeek ?? 40m,
            EmploymentType.PartTime when Chance(_random, 60) => Pick(_random, Catalog.Phrases.PartTimeHours),
            _ => null,
        };

        private string WorkingLanguageFor(Catalog.Country? country) =>
            country?.Language is { } language && language != "English" && Chance(_random, 60) ? language : "English";

        private bool? PickFlag(int truePercent, int falsePercent)
        {
            var roll = _random.Next(100);
            return roll < truePercent ? true : roll < truePercent + falsePercent ? false : null;
        }

        private string[] PickDistinct(string[] bank, int count)
        {
            count = Math.Min(count, bank.Length);
            var order = _shuffle;
            for (var i = 0; i < bank.Length; i++)
            {
                order[i] = i;
            }

            var picked = new string[count];
            for (var i = 0; i < count; i++)
            {
                var j = _random.Next(i, bank.Length);
                (order[i], order[j]) = (order[j], order[i]);
                picked[i] = bank[order[i]];
            }

            return picked;
        }

        private void BuildRequirements(CategoryPlan plan, Seniority? seniority, int? yearsMin, WorkMode workMode, Catalog.Country? country)
        {
            var random = _random;
            var bank = plan.Bank;
            var list = _requirements;
            list.Clear();

            // A school diploma is asked of entry and mid-level staff, not of the people leading them.
            var schoolOnly = bank.EducationLevel == HighSchool;
            if (bank.EducationLevel is not null && !(schoolOnly && seniority is Seniority.Senior or Seniority.Director or Seniority.Executive)
                && Chance(random, seniority == Seniority.Entry ? 45 : 65))
            {
                list.Add(Requirement.Create(RequirementImportance.Essential, Pick(random, bank.EducationTexts), new RequirementFacts(Education: bank.EducationLevel)));
            }

            if (yearsMin is { } years && years > 0 && Chance(random, 75))
            {
                list.Add(Requirement.Create(
                    RequirementImportance.Essential, plan.ExperienceTexts[Math.Min(years, 20)], new RequirementFacts(ExperienceYears: years, ExperienceSubject: bank.Subject)));
            }

            if (bank.Licence is not null && Chance(random, bank.LicencePercent))
            {
                list.Add(Requirement.Create(RequirementImportance.Essential, bank.LicenceText!, new RequirementFacts(Licence: bank.Licence)));
            }

            foreach (var text in PickDistinct(bank.Essentials, random.Next(1, 4)))
            {
                list.Add(Requirement.Create(RequirementImportance.Essential, text));
            }

            if (workMode == WorkMode.FieldBased)
            {
                if (bank.Licence != Catalog.DriversLicence)
                {
                    list.Add(Requirement.Create(RequirementImportance.Essential, "A valid driver's license and a clean driving record", new RequirementFacts(Licence: Catalog.DriversLicence)));
                }

                var (text, low, high) = Pick(random, Catalog.Phrases.TravelRequirements);
                list.Add(Requirement.Create(RequirementImportance.Essential, text, new RequirementFacts(TravelPercentMin: low, TravelPercentMax: high)));
                if (Chance(random, 25))
                {
                    list.Add(Requirement.Create(RequirementImportance.Essential, "Must live within 50 miles of the territory", new RequirementFacts(ResidenceRadiusMiles: 50)));
                }
            }

            if (country?.Language is { } language && language != "English")
            {
                var phrases = Catalog.LanguagePhrases(language);
                var roll = random.Next(100);
                if (roll < 15)
                {
                    list.Add(Requirement.Create(RequirementImportance.Essential, phrases.Native, new RequirementFacts(Language: language, LanguageProficiency: "native-level")));
                }
                else if (roll < 60)
                {
                    list.Add(Requirement.Create(RequirementImportance.Essential, phrases.Fluent, new RequirementFacts(Language: language, LanguageProficiency: "fluent")));
                }

                if (Chance(random, 35))
                {
                    list.Add(Requirement.Create(RequirementImportance.Essential, "Good command of English", new RequirementFacts(Language: "English", LanguageProficiency: "good command")));
                }
            }

            if (Chance(random, 70))
            {
                foreach (var text in PickDistinct(bank.Desirables, random.Next(1, 4)))
                {
                    list.Add(Requirement.Create(RequirementImportance.Desirable, text));
                }
            }
        }

        private string[] PickSkills(CategoryPlan plan)
        {
            var random = _random;
            var skills = _skills;
            skills.Clear();
            var fromCategory = random.Next(2, 7);
            for (var attempt = 0; skills.Count < fromCategory && attempt < 20; attempt++)
            {
                AddSkill(plan.Bank.Skills[PickWeighted(random, plan.SkillWeights)]);
            }

            var general = random.Next(0, 3);
            for (var attempt = 0; general > 0 && attempt < 10; attempt++)
            {
                if (AddSkill(Catalog.Phrases.GeneralSkills[PickWeighted(random, GeneralSkillWeights)]))
                {
                    general--;
                }
            }

            return [.. skills];

            bool AddSkill(string name)
            {
                foreach (var existing in skills)
                {
                    if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }

                skills.Add(name);
                return true;
            }
        }

        private void BuildSections(CategoryPlan plan, Employer employer, bool hasPay, string? benefits)
        {
            var random = _random;
            var sections = _sections;
            sections.Clear();
            sections.Add(PostingSection.Structured(SectionKind.Summary, Pick(random, Catalog.Phrases.SummaryHeadings)));
            if (Chance(random, 30))
            {
                sections.Add(PostingSection.Text(Pick(random, Catalog.Phrases.TeamHeadings), Pick(random, plan.TeamBodies)));
            }

            sections.Add(PostingSection.Structured(SectionKind.Responsibilities, Pick(random, Catalog.Phrases.ResponsibilityHeadings)));
            sections.Add(PostingSection.Structured(SectionKind.EssentialRequirements, Pick(random, Catalog.Phrases.EssentialHeadings)));
            if (_requirements.Exists(r => r.Importance == RequirementImportance.Desirable))
            {
                sections.Add(PostingSection.Structured(SectionKind.DesirableRequirements, Pick(random, Catalog.Phrases.DesirableHeadings)));
            }

            if (plan.Bank.Hourly && Chance(random, 20))
            {
                sections.Add(PostingSection.Text(Pick(random, Catalog.Phrases.ScheduleHeadings), Pick(random, Catalog.Phrases.Schedules)));
            }

            if (hasPay)
            {
                sections.Add(PostingSection.Structured(SectionKind.Compensation, Pick(random, Catalog.Phrases.CompensationHeadings)));
            }

            if (benefits is not null)
            {
                sections.Add(PostingSection.Text(Pick(random, Catalog.Phrases.BenefitsHeadings), benefits));
            }

            sections.Add(PostingSection.Structured(SectionKind.Skills, Pick(random, Catalog.Phrases.SkillsHeadings)));
            if (employer.Bank.EqualOpportunity)
            {
                sections.Add(PostingSection.Boilerplate(EqualOpportunityKey));
            }
        }

        /// <summary>Two to four sentences: an opener, what the job is, sometimes a word on the employer, and where it is done.</summary>
        private string SummaryFor(CategoryPlan plan, Employer employer, string title, PlaceInput place, WorkMode workMode)
        {
            var random = _random;
            var text = _text.Clear();
            var company = employer.Bank.Name;
            var article = Catalog.ArticleFor(title);
            switch (random.Next(4))
            {
                case 0:
                    text.Append(company).Append(" is hiring ").Append(article).Append(' ').Append(title).Append(" in ").Append(place.City).Append('.');
                    break;
                case 1:
                    text.Append("We are looking for ").Append(article).Append(' ').Append(title).Append(" to join ").Append(company).Append(" in ").Append(place.City).Append('.');
                    break;
                case 2:
                    text.Append("Join ").Append(company).Append(" as ").Append(article).Append(' ').Append(title).Append(" based in ").Append(place.City).Append('.');
                    break;
                default:
                    text.Append(company).Append(" is looking for ").Append(article).Append(' ').Append(title).Append(" to join our ")
                        .Append(plan.Bank.Team).Append(" team in ").Append(place.City).Append('.');
                    break;
            }

            text.Append(' ').Append(Pick(random, plan.Bank.Activities));
            switch (workMode)
            {
                case WorkMode.Remote:
                    text.Append(" This is a fully remote position open to applicants living in ").Append(place.CountryName ?? place.CountryCode).Append('.');
                    break;
                case WorkMode.Hybrid:
                    text.Append(" The role is hybrid, with two to three days a week in our ").Append(place.City).Append(" office.");
                    break;
                case WorkMode.FieldBased:
                    text.Append(" The role is field-based, covering customers across the territory around ").Append(place.City).Append('.');
                    break;
                default:
                    if (Chance(random, 50))
                    {
                        text.Append(' ').Append(Pick(random, Catalog.Phrases.Pitches));
                    }

                    break;
            }

            return text.ToString();
        }
    }
}

/// <summary>One generated posting: its employer, its content (categories and skills left to the caller) and their names.</summary>
public sealed record SyntheticPosting(
    DemoCompany Company,
    PostingContent Content,
    IReadOnlyList<string> CategoryNames,
    IReadOnlyList<string> SkillNames)
{
    public PostingContent ToContent(Func<string, Category> category, Func<string, Skill> skill)
    {
        var categories = new Category[CategoryNames.Count];
        for (var i = 0; i < categories.Length; i++)
        {
            categories[i] = category(CategoryNames[i]);
        }

        var skills = new Skill[SkillNames.Count];
        for (var i = 0; i < skills.Length; i++)
        {
            skills[i] = skill(SkillNames[i]);
        }

        return Content with { Categories = categories, Skills = skills };
    }
}

/// <summary>
/// The phrase banks, employers and country facts the generator composes postings from: data files embedded in the
/// loader (<c>DemoData/Catalog/*.json</c>), read once.
/// </summary>
public static partial class SyntheticBoard
{
    private static class Catalog
    {
        public const string DriversLicence = "Driver's license";

        private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };

        public static readonly PhraseBanks Phrases = Read<PhraseBanks>("phrases.json");

        /// <summary>The managed taxonomy, most frequent first: category i is drawn in proportion to 1/(i+1).</summary>
        public static readonly CategoryBank[] Categories = Read<CategoryBank[]>("categories.json");

        /// <summary>Fictional employers (websites under the reserved .example domain) and the categories they hire for.</summary>
        public static readonly EmployerBank[] Employers = Read<EmployerBank[]>("employers.json");

        private static readonly Dictionary<string, LanguageText> LanguageTexts =
            Phrases.Countries.Values.Select(c => c.Language).Distinct(StringComparer.Ordinal)
                .ToDictionary(l => l, l => new LanguageText($"Native-level {l}", $"Fluent {l}, written and spoken"), StringComparer.Ordinal);

        public static Country? CountryOf(string countryCode) => Phrases.Countries.GetValueOrDefault(countryCode);

        /// <summary>The benefits a country's postings offer; a country the catalog does not know gets the plainest.</summary>
        public static string[] BenefitsFor(string countryCode) => Phrases.Benefits[CountryOf(countryCode)?.Benefits ?? PhraseBanks.OtherBenefits];

        public static LanguageText LanguagePhrases(string language) => LanguageTexts[language];

        /// <summary>"an" before a vowel sound as titles start ("an HR Assistant", "a .NET Developer").</summary>
        public static string ArticleFor(string title) =>
            title.StartsWith("HR ", StringComparison.Ordinal) || (title.Length > 0 && "AEIOU".Contains(title[0], StringComparison.Ordinal)) ? "an" : "a";

        private static T Read<T>(string file)
        {
            var name = $"{CatalogResourcePrefix}{file}";
            using var stream = typeof(SyntheticBoard).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The loader has no embedded resource {name}.");
            return JsonSerializer.Deserialize<T>(stream, FileOptions) ?? throw new InvalidDataException($"{name} is empty.");
        }

        /// <summary>The headings, stock sentences and country facts of <c>phrases.json</c>.</summary>
        public sealed record PhraseBanks
        {
            /// <summary>The benefits of a country the catalog does not list.</summary>
            public const string OtherBenefits = "Other";

            public required string[] EuropeanUnionCountries { get; init; }

            public required decimal[] PartTimeHours { get; init; }

            public required TravelRequirement[] TravelRequirements { get; init; }

            /// <summary>A null heading: the summary goes without one.</summary>
            public required string?[] SummaryHeadings { get; init; }

            public required string[] TeamHeadings { get; init; }

            public required string[] ResponsibilityHeadings { get; init; }

            public required string[] EssentialHeadings { get; init; }

            public required string[] DesirableHeadings { get; init; }

            public required string[] CompensationHeadings { get; init; }

            public required string[] BenefitsHeadings { get; init; }

            public required string[] SkillsHeadings { get; init; }

            public required string[] ScheduleHeadings { get; init; }

            public required string[] Schedules { get; init; }

            public required string[] Pitches { get; init; }

            public required string[] GeneralSkills { get; init; }

            /// <summary>Benefit texts by the name a country gives (<see cref="Country.Benefits"/>), and <see cref="OtherBenefits"/>.</summary>
            public required Dictionary<string, string[]> Benefits { get; init; }

            /// <summary>By ISO country code, in any case.</summary>
            public required Dictionary<string, Country> Countries
            {
                get;
                init => field = new Dictionary<string, Country>(value, StringComparer.OrdinalIgnoreCase);
            }
        }

        public sealed record TravelRequirement(string Text, int? Min, int? Max);

        /// <summary>Pay levels, hourly habits, language and benefits of one country; amounts in the local currency per year.</summary>
        public sealed record Country(
            string Currency,
            double PayFactor,
            double MinimumYear,
            string Language,
            bool MonthlyPay,
            bool HourlyPay,
            decimal HoursPerWeek,
            bool InEuropeanUnion,
            string Benefits);

        public sealed record LanguageText(string Native, string Fluent);

        public sealed record EmployerBank(
            string Name,
            string Industry,
            int Employees,
            string Headquarters,
            string Prefix,
            bool EqualOpportunity,
            string[] Reach,
            string About,
            string[] Categories);

        /// <summary>What postings of one category say and pay; <see cref="MedianUsd"/> is a mid-level US yearly salary.</summary>
        public sealed record CategoryBank
        {
            public required string Name { get; init; }

            public required string Related { get; init; }

            public required double MedianUsd { get; init; }

            public bool Hourly { get; init; }

            public bool PerDiem { get; init; }

            public bool SponsorsVisas { get; init; }

            public int RemotePercent { get; init; }

            public int HybridPercent { get; init; }

            public int FieldPercent { get; init; }

            public int PartTimePercent { get; init; } = 4;

            public int ContractPercent { get; init; } = 3;

            public int EquityPercent { get; init; } = 2;

            public required string Team { get; init; }

            public required string Subject { get; init; }

            public string? EducationLevel { get; init; }

            public string[] EducationTexts { get; init; } = [];

            public string? Licence { get; init; }

            public string? LicenceText { get; init; }

            public int LicencePercent { get; init; } = 50;

            public required string[] EntryTitles { get; init; }

            public required string[] Titles { get; init; }

            public required string[] LeadTitles { get; init; }

            public required string[] ExecutiveTitles { get; init; }

            public required string[] Activities { get; init; }

            public required string[] Duties { get; init; }

            public required string[] Essentials { get; init; }

            public required string[] Desirables { get; init; }

            public required string[] Skills { get; init; }
        }
    }
}
