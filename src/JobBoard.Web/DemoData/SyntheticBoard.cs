using System.Text;
using JobBoard.Domain.Common;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Web.DemoData;

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

    private const string Leadership = "Management & Leadership";
    private const string HighSchool = "High school diploma";

    /// <summary>Postings are dated within this many days up to today.</summary>
    private const int Days = 60;

    private static readonly CategoryPlan[] Plans = [.. Catalog.Categories.Select((bank, i) => new CategoryPlan(bank, i))];
    private static readonly Employer[] Employers = [.. Catalog.Employers.Select(e => new Employer(e))];
    private static readonly int[][] EmployersByCategory = [.. Plans.Select(p => IndexesOf(p.Bank.Name))];
    private static readonly double[] CategoryWeights = ZipfCumulative(Plans.Length, 1.0);
    private static readonly double[] GeneralSkillWeights = ZipfCumulative(Catalog.GeneralSkills.Length, 1.0);

    /// <summary>The managed category taxonomy the generator (and the demo file) uses, most frequent first.</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = [.. Catalog.Categories.Select(c => c.Name)];

    /// <summary>Every skill name the generator may tag a posting with.</summary>
    public static IReadOnlyList<string> SkillNames { get; } =
        [.. Catalog.Categories.SelectMany(c => c.Skills).Concat(Catalog.GeneralSkills).Distinct(StringComparer.OrdinalIgnoreCase)];

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
                return Catalog.EuropeanUnionCountries;
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
            EmploymentType.PartTime when Chance(_random, 60) => Pick(_random, Catalog.PartTimeHours),
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

                var (text, low, high) = Pick(random, Catalog.TravelRequirements);
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
                if (AddSkill(Catalog.GeneralSkills[PickWeighted(random, GeneralSkillWeights)]))
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
            sections.Add(PostingSection.Structured(SectionKind.Summary, Pick(random, Catalog.SummaryHeadings)));
            if (Chance(random, 30))
            {
                sections.Add(PostingSection.Text(Pick(random, Catalog.TeamHeadings), Pick(random, plan.TeamBodies)));
            }

            sections.Add(PostingSection.Structured(SectionKind.Responsibilities, Pick(random, Catalog.ResponsibilityHeadings)));
            sections.Add(PostingSection.Structured(SectionKind.EssentialRequirements, Pick(random, Catalog.EssentialHeadings)));
            if (_requirements.Exists(r => r.Importance == RequirementImportance.Desirable))
            {
                sections.Add(PostingSection.Structured(SectionKind.DesirableRequirements, Pick(random, Catalog.DesirableHeadings)));
            }

            if (plan.Bank.Hourly && Chance(random, 20))
            {
                sections.Add(PostingSection.Text(Pick(random, Catalog.ScheduleHeadings), Pick(random, Catalog.Schedules)));
            }

            if (hasPay)
            {
                sections.Add(PostingSection.Structured(SectionKind.Compensation, Pick(random, Catalog.CompensationHeadings)));
            }

            if (benefits is not null)
            {
                sections.Add(PostingSection.Text(Pick(random, Catalog.BenefitsHeadings), benefits));
            }

            sections.Add(PostingSection.Structured(SectionKind.Skills, Pick(random, Catalog.SkillsHeadings)));
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
                        text.Append(' ').Append(Pick(random, Catalog.Pitches));
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

/// <summary>The phrase banks, employers and country facts the generator composes postings from.</summary>
public static partial class SyntheticBoard
{
    private static class Catalog
    {
        public const string DriversLicence = "Driver's license";

        /// <summary>An employer that hires in every country.</summary>
        private static readonly string[] Everywhere = [];

        public static readonly string[] EuropeanUnionCountries = ["AT", "BE", "DE", "ES", "FR", "IE", "IT", "NL", "PL", "PT", "RO"];

        public static readonly decimal[] PartTimeHours = [16m, 20m, 24m, 25m, 30m];

        public static readonly (string Text, int? Min, int? Max)[] TravelRequirements =
        [
            ("Willingness to travel up to 50% of the time", null, 50),
            ("Ability to travel 60–80% across the territory", 60, 80),
            ("Regular travel within the territory, about 40% of the time", 40, 40),
            ("Overnight travel of 25–50% is expected", 25, 50),
        ];

        public static readonly string?[] SummaryHeadings = ["About the role", "The role", "Overview", "Job summary", null];

        public static readonly string[] TeamHeadings = ["About the team", "The team", "Who you'll work with"];

        public static readonly string[] ResponsibilityHeadings = ["Responsibilities", "What you'll do", "Key Responsibilities", "Your day-to-day", "Duties"];

        public static readonly string[] EssentialHeadings = ["Requirements", "What you'll need", "Essential Requirements", "Qualifications", "About you"];

        public static readonly string[] DesirableHeadings = ["Nice to have", "Desirable Requirements", "Bonus points", "Preferred qualifications"];

        public static readonly string[] CompensationHeadings = ["Salary", "Compensation", "Pay", "Salary and benefits"];

        public static readonly string[] BenefitsHeadings = ["Benefits", "What we offer", "Perks and benefits"];

        public static readonly string[] SkillsHeadings = ["Skills", "Key Skills", "Skills Desired"];

        public static readonly string[] ScheduleHeadings = ["Schedule", "Working hours", "Shifts"];

        public static readonly string[] Schedules =
        [
            "Shifts are published four weeks in advance and include some evenings and weekends.",
            "This role works a rotating pattern of early and late shifts, with every other weekend off.",
            "Full-time staff work four ten-hour shifts a week; part-time schedules are available.",
            "Day shifts run from 7:00 to 15:30, Monday to Friday, with occasional overtime at busy times.",
        ];

        public static readonly string[] Pitches =
        [
            "We value curiosity, fairness and doing the job properly.",
            "You will get the training, tools and support to grow in the role.",
            "Our teams are friendly, diverse and proud of the work they do.",
            "We invest in our people with mentoring, clear progression and regular feedback.",
            "It is a role where your work is visible and your ideas are heard.",
            "We offer steady hours, a supportive manager and room to grow.",
        ];

        public static readonly string[] GeneralSkills =
        [
            "Communication", "Teamwork", "Problem Solving", "Time Management", "Microsoft Excel", "Attention to Detail",
            "Customer Focus", "Organization", "Adaptability", "Leadership", "Written Communication", "Presentation Skills",
            "Critical Thinking", "Multitasking", "Conflict Resolution", "Accountability", "Team Collaboration", "Planning",
            "Reporting", "Bilingual", "Self-Motivation", "Interpersonal Skills", "Training", "Analytical Skills", "Research",
            "Creativity", "Reliability", "Work Ethic",
        ];

        private static readonly string[] UsBenefits =
        [
            "Medical, dental and vision insurance from your first day, a 401(k) with company match, paid time off and paid holidays.",
            "Health insurance, a 401(k) plan with a 4% match, paid parental leave and tuition assistance.",
            "Comprehensive health cover, life and disability insurance, an employee assistance program and 15 days of paid time off to start.",
        ];

        private static readonly string[] UkBenefits =
        [
            "25 days' holiday plus bank holidays, a contributory pension, private medical insurance and a cycle-to-work scheme.",
            "A company pension with 5% employer contribution, life assurance, an annual learning budget and enhanced parental leave.",
            "Holiday that grows with service, a health cash plan, season-ticket loans and volunteering days.",
        ];

        private static readonly string[] RomaniaBenefits =
        [
            "Meal vouchers, a private medical subscription, a yearly performance bonus and 25 days of paid leave.",
            "Private health insurance, gym membership, meal tickets and paid training and certifications.",
            "A 13th salary, holiday vouchers, private medical care and flexible working hours.",
        ];

        private static readonly string[] EuropeBenefits =
        [
            "30 days of paid leave, a company pension plan, a public transport allowance and a yearly training budget.",
            "Supplementary health insurance, meal allowance, profit sharing and flexible working hours.",
            "An annual bonus, a company pension, a bike-leasing scheme and language classes.",
        ];

        private static readonly string[] OtherBenefits =
        [
            "Paid leave, health cover and a yearly training budget.",
            "A performance bonus, health insurance and flexible working hours.",
        ];

        private static readonly Dictionary<string, Country> Countries = new(StringComparer.OrdinalIgnoreCase)
        {
            ["US"] = new("USD", 1.00, 31_200, "English", MonthlyPay: false, HourlyPay: true, 40m, InEuropeanUnion: false),
            ["CA"] = new("CAD", 1.05, 33_000, "English", MonthlyPay: false, HourlyPay: true, 40m, InEuropeanUnion: false),
            ["AU"] = new("AUD", 1.20, 45_000, "English", MonthlyPay: false, HourlyPay: true, 38m, InEuropeanUnion: false),
            ["GB"] = new("GBP", 0.55, 23_500, "English", MonthlyPay: false, HourlyPay: true, 37.5m, InEuropeanUnion: false),
            ["IE"] = new("EUR", 0.70, 27_000, "English", MonthlyPay: false, HourlyPay: true, 39m, InEuropeanUnion: true),
            ["DE"] = new("EUR", 0.68, 26_000, "German", MonthlyPay: false, HourlyPay: false, 40m, InEuropeanUnion: true),
            ["AT"] = new("EUR", 0.62, 25_000, "German", MonthlyPay: false, HourlyPay: false, 38.5m, InEuropeanUnion: true),
            ["CH"] = new("CHF", 0.95, 50_000, "German", MonthlyPay: false, HourlyPay: false, 42m, InEuropeanUnion: false),
            ["FR"] = new("EUR", 0.55, 21_600, "French", MonthlyPay: false, HourlyPay: false, 35m, InEuropeanUnion: true),
            ["BE"] = new("EUR", 0.62, 25_000, "French", MonthlyPay: false, HourlyPay: false, 38m, InEuropeanUnion: true),
            ["NL"] = new("EUR", 0.66, 27_000, "Dutch", MonthlyPay: false, HourlyPay: false, 40m, InEuropeanUnion: true),
            ["ES"] = new("EUR", 0.42, 16_600, "Spanish", MonthlyPay: false, HourlyPay: false, 40m, InEuropeanUnion: true),
            ["PT"] = new("EUR", 0.32, 12_300, "Portuguese", MonthlyPay: false, HourlyPay: false, 40m, InEuropeanUnion: true),
            ["IT"] = new("EUR", 0.45, 18_000, "Italian", MonthlyPay: false, HourlyPay: false, 40m, InEuropeanUnion: true),
            ["PL"] = new("PLN", 1.05, 56_000, "Polish", MonthlyPay: true, HourlyPay: false, 40m, InEuropeanUnion: true),
            ["RO"] = new("RON", 1.10, 48_600, "Romanian", MonthlyPay: true, HourlyPay: false, 40m, InEuropeanUnion: true),
        };

        private static readonly Dictionary<string, LanguageText> LanguageTexts =
            Countries.Values.Select(c => c.Language).Distinct(StringComparer.Ordinal)
                .ToDictionary(l => l, l => new LanguageText($"Native-level {l}", $"Fluent {l}, written and spoken"), StringComparer.Ordinal);

        public static Country? CountryOf(string countryCode) => Countries.GetValueOrDefault(countryCode);

        public static string[] BenefitsFor(string countryCode) => countryCode.ToUpperInvariant() switch
        {
            "US" or "CA" => UsBenefits,
            "GB" or "IE" or "AU" => UkBenefits,
            "RO" => RomaniaBenefits,
            var code when Countries.ContainsKey(code) => EuropeBenefits,
            _ => OtherBenefits,
        };

        public static LanguageText LanguagePhrases(string language) => LanguageTexts[language];

        /// <summary>"an" before a vowel sound as titles start ("an HR Assistant", "a .NET Developer").</summary>
        public static string ArticleFor(string title) =>
            title.StartsWith("HR ", StringComparison.Ordinal) || (title.Length > 0 && "AEIOU".Contains(title[0], StringComparison.Ordinal)) ? "an" : "a";

        /// <summary>Pay levels, hourly habits and language of one country; amounts in the local currency per year.</summary>
        public sealed record Country(
            string Currency,
            double PayFactor,
            double MinimumYear,
            string Language,
            bool MonthlyPay,
            bool HourlyPay,
            decimal HoursPerWeek,
            bool InEuropeanUnion);

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

        private const string Bachelor = "Bachelor's degree";

        /// <summary>The managed taxonomy, most frequent first: category i is drawn in proportion to 1/(i+1).</summary>
        public static readonly CategoryBank[] Categories =
        [
            new()
            {
                Name = "Healthcare", Related = "Science & Research", MedianUsd = 82_000, Hourly = true, PerDiem = true, SponsorsVisas = true,
                RemotePercent = 2, HybridPercent = 3, FieldPercent = 4, PartTimePercent = 12,
                Team = "clinical", Subject = "clinical practice",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Nursing or a related health science", "Degree in a health-related field or equivalent clinical training"],
                Licence = "Professional licence", LicenceText = "Current professional licence or registration to practise", LicencePercent = 70,
                EntryTitles = ["Medical Assistant", "Patient Care Technician", "Certified Nursing Assistant", "Pharmacy Technician", "Medical Receptionist", "Phlebotomist"],
                Titles = ["Registered Nurse", "Physical Therapist", "Radiologic Technologist", "Respiratory Therapist", "Occupational Therapist", "Pharmacist", "Medical Laboratory Scientist", "Licensed Practical Nurse", "Veterinary Technician", "Nurse Practitioner"],
                LeadTitles = ["Director of Nursing", "Clinical Services Manager", "Head of Patient Services", "Practice Manager"],
                ExecutiveTitles = ["Chief Nursing Officer", "Chief Medical Officer"],
                Activities =
                [
                    "You will deliver safe, compassionate care and work closely with physicians, nurses and families.",
                    "You will assess patients, keep accurate records and guide each patient through their treatment plan.",
                    "You will be part of a team that puts patient safety and dignity first.",
                ],
                Duties =
                [
                    "Assess patients and record observations accurately in the electronic health record.",
                    "Deliver care in line with clinical protocols and infection-control standards.",
                    "Administer medication and treatments as prescribed and monitor for side effects.",
                    "Educate patients and families about diagnoses, medication and aftercare.",
                    "Coordinate with physicians, therapists and social workers on care plans.",
                    "Respond calmly to urgent situations and escalate concerns promptly.",
                    "Maintain equipment, supplies and a clean, safe care environment.",
                    "Take part in audits, training and quality-improvement projects.",
                ],
                Essentials =
                [
                    "Sound clinical judgement and a calm manner under pressure",
                    "Basic Life Support (BLS) certification",
                    "Strong documentation habits and attention to detail",
                    "Willingness to work shifts, including weekends and holidays",
                ],
                Desirables =
                [
                    "Experience with Epic or Cerner electronic health records",
                    "Advanced Cardiac Life Support (ACLS) certification",
                    "Experience in an acute or emergency setting",
                    "A second language spoken with patients",
                ],
                Skills = ["Patient Care", "Electronic Health Records", "Basic Life Support", "Medication Administration", "Infection Control", "Patient Assessment", "Clinical Documentation", "Vital Signs", "Phlebotomy", "Care Planning", "HIPAA Compliance", "Triage", "Wound Care", "Healthcare Sector"],
            },
            new()
            {
                Name = "Sales", Related = "Marketing", MedianUsd = 70_000,
                RemotePercent = 8, HybridPercent = 15, FieldPercent = 20, ContractPercent = 4, EquityPercent = 4,
                Team = "sales", Subject = "B2B sales",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Business, Marketing or a related field", "Bachelor's degree or equivalent professional experience"],
                EntryTitles = ["Sales Development Representative", "Inside Sales Representative", "Sales Associate", "Business Development Representative"],
                Titles = ["Account Executive", "Account Manager", "Territory Sales Representative", "Key Account Manager", "Sales Representative", "Business Development Manager", "Medical Sales Representative"],
                LeadTitles = ["Regional Sales Manager", "Director of Sales", "Head of Business Development", "National Accounts Director"],
                ExecutiveTitles = ["Vice President of Sales", "Chief Revenue Officer"],
                Activities =
                [
                    "You will own a pipeline from first call to signed contract and grow revenue in your territory.",
                    "You will build long-term relationships with customers and find new ways to help them succeed.",
                    "You will work with marketing and customer success to hit ambitious but realistic targets.",
                ],
                Duties =
                [
                    "Prospect and qualify new customers through calls, e-mail, events and referrals.",
                    "Run discovery meetings and present solutions that fit each customer's needs.",
                    "Prepare proposals, negotiate terms and close new business.",
                    "Manage a healthy pipeline and keep the CRM accurate and up to date.",
                    "Grow existing accounts through regular reviews and cross-selling.",
                    "Meet or exceed monthly and quarterly sales targets.",
                    "Share market and competitor insights with marketing and product teams.",
                    "Represent the company at trade shows, conferences and customer events.",
                ],
                Essentials =
                [
                    "A proven record of meeting or exceeding sales targets",
                    "Confident, clear communication in person and on the phone",
                    "Experience using a CRM such as Salesforce or HubSpot",
                    "Resilience and a self-motivated approach to work",
                    "Strong negotiation and closing skills",
                ],
                Desirables =
                [
                    "Experience selling to enterprise or public-sector customers",
                    "Knowledge of consultative or solution selling methods",
                    "An existing network of contacts in the territory",
                    "Experience in a start-up or high-growth environment",
                ],
                Skills = ["Account Management", "Crm (Customer Relationship Management)", "Salesforce", "Lead Generation", "Cold Calling", "Negotiation", "Pipeline Management", "Selling Skills", "Revenue Growth", "Market Development", "Customer Engagement", "Value Propositions", "B2B Sales", "Sales Forecasting"],
            },
            new()
            {
                Name = "Customer Service", Related = "Sales", MedianUsd = 40_000, Hourly = true,
                RemotePercent = 15, HybridPercent = 15, PartTimePercent = 15,
                Team = "customer support", Subject = "customer service",
                EducationLevel = HighSchool, EducationTexts = ["High school diploma or equivalent"],
                EntryTitles = ["Customer Service Representative", "Call Center Agent", "Customer Support Associate", "Front Desk Agent"],
                Titles = ["Customer Success Specialist", "Technical Support Specialist", "Client Services Coordinator", "Customer Care Advisor", "Help Desk Analyst"],
                LeadTitles = ["Customer Service Manager", "Head of Customer Experience", "Contact Center Manager"],
                ExecutiveTitles = ["Chief Customer Officer"],
                Activities =
                [
                    "You will be the friendly voice customers reach when they need help, by phone, chat and e-mail.",
                    "You will resolve questions and problems quickly and make sure every customer leaves satisfied.",
                    "You will spot recurring issues and help the team fix them at the source.",
                ],
                Duties =
                [
                    "Answer customer calls, chats and e-mails within agreed response times.",
                    "Resolve questions about orders, billing and services on the first contact where possible.",
                    "Log every interaction accurately in the ticketing system.",
                    "Escalate complex cases to the right team and follow them through to resolution.",
                    "Process returns, refunds and account changes following company policy.",
                    "Identify recurring issues and suggest improvements to products and processes.",
                    "Meet quality, satisfaction and productivity targets.",
                    "Keep up to date with products, offers and procedures.",
                ],
                Essentials =
                [
                    "Clear, friendly communication in writing and on the phone",
                    "Patience and a calm approach with frustrated customers",
                    "Comfort using several computer systems at once",
                    "Reliable attendance and flexibility for shift work",
                ],
                Desirables =
                [
                    "Experience with Zendesk, Freshdesk or a similar ticketing tool",
                    "Previous experience in a contact center",
                    "A second language",
                ],
                Skills = ["Customer Service", "Zendesk", "Ticketing Systems", "Call Handling", "Complaint Resolution", "Live Chat Support", "Customer Satisfaction", "Active Listening", "Order Processing", "Technical Support", "Empathy", "Typing Speed", "Service Level Agreements", "Upselling"],
            },
            new()
            {
                Name = "Software Engineering", Related = "Data & Analytics", MedianUsd = 128_000, SponsorsVisas = true,
                RemotePercent = 30, HybridPercent = 40, ContractPercent = 10, EquityPercent = 15,
                Team = "engineering", Subject = "software development",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Computer Science or a related field", "Bachelor's degree in Computer Science, or equivalent practical experience"],
                EntryTitles = ["Junior Software Developer", "Graduate Software Engineer", "Associate Software Engineer", "Junior Front-End Developer"],
                Titles = ["Software Engineer", "Back-End Developer", "Front-End Developer", "Full-Stack Developer", ".NET Developer", "Java Developer", "DevOps Engineer", "Mobile Developer", "Site Reliability Engineer", "QA Automation Engineer"],
                LeadTitles = ["Engineering Manager", "Head of Engineering", "Director of Software Engineering"],
                ExecutiveTitles = ["Chief Technology Officer", "VP of Engineering"],
                Activities =
                [
                    "You will design, build and run services used by thousands of customers every day.",
                    "You will work in a small cross-functional team that owns its features from idea to production.",
                    "You will write clean, tested code and help shape the architecture of our platform.",
                ],
                Duties =
                [
                    "Design, build and maintain reliable, well-tested services and user interfaces.",
                    "Review code and give thoughtful, constructive feedback to teammates.",
                    "Work with product managers and designers to turn requirements into working software.",
                    "Improve performance, observability and reliability of production systems.",
                    "Automate builds, tests and deployments in the CI/CD pipeline.",
                    "Investigate and fix production issues as part of an on-call rotation.",
                    "Write clear technical documentation and share knowledge with the team.",
                    "Mentor junior engineers and contribute to engineering standards.",
                ],
                Essentials =
                [
                    "Solid experience with at least one modern programming language such as C#, Java, Python or TypeScript",
                    "Good understanding of relational databases and SQL",
                    "Experience writing automated tests",
                    "Familiarity with Git and code review workflows",
                    "Ability to explain technical decisions to non-technical colleagues",
                ],
                Desirables =
                [
                    "Experience with cloud platforms such as AWS, Azure or GCP",
                    "Knowledge of Docker and Kubernetes",
                    "Contributions to open-source projects",
                    "Experience with event-driven or distributed systems",
                ],
                Skills = ["C#", ".NET", "Java", "Python", "JavaScript", "TypeScript", "React", "SQL", "PostgreSQL", "AWS", "Azure", "Docker", "Kubernetes", "Git", "REST APIs", "CI/CD", "Microservices", "Go", "Linux", "Unit Testing"],
            },
            new()
            {
                Name = "Logistics", Related = "Manufacturing", MedianUsd = 45_000, Hourly = true,
                HybridPercent = 5, FieldPercent = 10, PartTimePercent = 8,
                Team = "operations", Subject = "logistics or warehouse operations",
                EducationLevel = HighSchool, EducationTexts = ["High school diploma or equivalent"],
                Licence = DriversLicence, LicenceText = "A valid driver's license and a clean driving record", LicencePercent = 35,
                EntryTitles = ["Warehouse Associate", "Forklift Operator", "Package Handler", "Delivery Driver", "Picker Packer"],
                Titles = ["Logistics Coordinator", "Dispatcher", "Inventory Control Specialist", "Truck Driver (CDL-A)", "Shipping and Receiving Clerk", "Operations Coordinator", "Supply Chain Analyst", "Import/Export Specialist"],
                LeadTitles = ["Warehouse Manager", "Transportation Manager", "Head of Logistics", "Distribution Center Manager"],
                ExecutiveTitles = ["VP of Supply Chain", "Chief Operating Officer"],
                Activities =
                [
                    "You will keep goods moving safely and on time from our docks to our customers.",
                    "You will plan routes, loads and schedules and solve problems as they come up.",
                    "You will work in a fast-paced operation where safety and accuracy come first.",
                ],
                Duties =
                [
                    "Receive, check and put away incoming shipments accurately.",
                    "Pick, pack and load orders to meet daily dispatch deadlines.",
                    "Plan and dispatch routes and keep drivers and customers informed.",
                    "Keep inventory records accurate through regular cycle counts.",
                    "Operate forklifts and other equipment safely and report defects.",
                    "Prepare shipping documents, bills of lading and customs paperwork.",
                    "Track deliveries and resolve delays, damages and shortages.",
                    "Follow health and safety procedures and keep work areas clean.",
                ],
                Essentials =
                [
                    "Ability to lift up to 50 pounds and stand for long periods",
                    "Good attention to detail and basic computer skills",
                    "Flexibility to work early, late or weekend shifts",
                    "A safety-first attitude",
                ],
                Desirables =
                [
                    "Forklift certification",
                    "Experience with a warehouse management system (WMS)",
                    "Knowledge of customs and import/export procedures",
                ],
                Skills = ["Inventory Management", "Forklift Operation", "Warehouse Management Systems", "Shipping and Receiving", "Route Planning", "Dispatching", "Supply Chain Management", "Order Picking", "Freight Coordination", "Logistics", "Cycle Counting", "Customs Compliance", "SAP", "Fleet Management"],
            },
            new()
            {
                Name = Leadership, Related = "Human Resources", MedianUsd = 105_000,
                RemotePercent = 5, HybridPercent = 25, FieldPercent = 5, EquityPercent = 6,
                Team = "leadership", Subject = "people management",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Business Administration or a related field", "Bachelor's degree or equivalent management experience"],
                EntryTitles = ["Management Trainee", "Assistant Manager", "Shift Supervisor", "Team Leader"],
                Titles = ["Operations Manager", "Project Manager", "Program Manager", "General Manager", "Branch Manager", "Store Manager", "Office Manager", "Team Manager"],
                LeadTitles = ["Director of Operations", "Head of Programs", "Regional Director", "Managing Director"],
                ExecutiveTitles = ["Chief Executive Officer", "Chief Operating Officer", "President"],
                Activities =
                [
                    "You will lead a team, set clear priorities and make sure the work gets done well.",
                    "You will own budgets, targets and plans and report progress to senior leadership.",
                    "You will coach people, remove obstacles and build a culture where good work is recognised.",
                ],
                Duties =
                [
                    "Lead, coach and develop a team, including hiring and performance reviews.",
                    "Set goals and plans and track progress against clear measures.",
                    "Manage budgets, forecasts and resources responsibly.",
                    "Improve processes to raise quality, efficiency and customer satisfaction.",
                    "Report regularly to senior leadership on results, risks and opportunities.",
                    "Build strong working relationships with other departments and partners.",
                    "Make sure policies, regulations and safety standards are followed.",
                    "Lead change projects from planning through to delivery.",
                ],
                Essentials =
                [
                    "Proven experience leading and developing teams",
                    "Strong planning, organisation and decision-making skills",
                    "Confident handling of budgets and performance data",
                    "Excellent communication with people at every level",
                ],
                Desirables =
                [
                    "An MBA or a recognised management qualification",
                    "PMP or PRINCE2 certification",
                    "Experience leading a team through organisational change",
                ],
                Skills = ["People Management", "Strategic Planning", "Budget Management", "Operations Management", "Change Management", "Performance Management", "Stakeholder Management", "Project Management", "Team Building", "Business Strategy", "Coaching", "P&L Management", "Process Improvement", "Decision Making"],
            },
            new()
            {
                Name = "Finance", Related = "Data & Analytics", MedianUsd = 85_000,
                RemotePercent = 10, HybridPercent = 35, ContractPercent = 6, EquityPercent = 4,
                Team = "finance", Subject = "accounting or finance",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Accounting, Finance or Economics", "Bachelor's degree in a numerate subject"],
                EntryTitles = ["Accounts Payable Clerk", "Junior Accountant", "Bookkeeper", "Billing Specialist", "Finance Assistant"],
                Titles = ["Accountant", "Financial Analyst", "Staff Accountant", "Payroll Specialist", "Credit Analyst", "Tax Associate", "Internal Auditor", "Accounts Receivable Specialist"],
                LeadTitles = ["Finance Manager", "Financial Controller", "Head of Finance", "Director of Financial Planning and Analysis"],
                ExecutiveTitles = ["Chief Financial Officer", "VP of Finance"],
                Activities =
                [
                    "You will keep our books accurate and help the business make sound financial decisions.",
                    "You will prepare reports, reconcile accounts and support the month-end close.",
                    "You will turn numbers into clear insight for managers across the company.",
                ],
                Duties =
                [
                    "Prepare journal entries, reconciliations and month-end close schedules.",
                    "Process invoices, payments and expense claims accurately and on time.",
                    "Build budgets, forecasts and variance analyses.",
                    "Prepare management accounts and financial reports.",
                    "Support external audits and tax filings.",
                    "Improve financial controls and processes.",
                    "Analyse costs and margins and recommend improvements.",
                    "Answer finance queries from colleagues and suppliers.",
                ],
                Essentials =
                [
                    "Strong Excel skills, including lookups and pivot tables",
                    "Sound knowledge of accounting principles (GAAP or IFRS)",
                    "High accuracy and attention to detail",
                    "Experience with an ERP or accounting system",
                ],
                Desirables =
                [
                    "A professional qualification such as CPA, ACCA or CIMA, or studying towards one",
                    "Experience with SAP, Oracle or NetSuite",
                    "Experience with Power BI or another reporting tool",
                ],
                Skills = ["Accounting", "Financial Analysis", "Financial Reporting", "Budgeting", "Forecasting", "Accounts Payable", "Accounts Receivable", "Reconciliation", "GAAP", "IFRS", "Payroll", "Auditing", "Tax Preparation", "QuickBooks", "Month-End Close"],
            },
            new()
            {
                Name = "Education", Related = "Administrative", MedianUsd = 55_000,
                RemotePercent = 4, HybridPercent = 4, PartTimePercent = 12,
                Team = "teaching", Subject = "teaching",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Education or the subject taught", "Bachelor's degree in Early Childhood Education or a related field"],
                Licence = "Teaching certification", LicenceText = "A valid teaching certification or licence", LicencePercent = 55,
                EntryTitles = ["Teaching Assistant", "Tutor", "Classroom Aide", "After-School Program Assistant"],
                Titles = ["Elementary School Teacher", "High School Math Teacher", "Early Childhood Teacher", "Special Education Teacher", "English Language Teacher", "Science Teacher", "Instructional Designer", "School Counselor"],
                LeadTitles = ["Head of Department", "School Principal", "Director of Curriculum"],
                ExecutiveTitles = ["Superintendent", "Chief Academic Officer"],
                Activities =
                [
                    "You will plan and deliver lessons that help every learner make real progress.",
                    "You will create a safe, welcoming classroom and work closely with families.",
                    "You will join a team of educators who share ideas and support one another.",
                ],
                Duties =
                [
                    "Plan and deliver engaging lessons in line with the curriculum.",
                    "Assess progress and adapt teaching to each learner's needs.",
                    "Create a safe, inclusive and well-organised learning environment.",
                    "Communicate regularly with parents and guardians.",
                    "Keep accurate records of attendance, progress and assessments.",
                    "Work with support staff and specialists on individual learning plans.",
                    "Take part in staff meetings, training and school events.",
                    "Follow safeguarding and child-protection procedures.",
                ],
                Essentials =
                [
                    "A genuine interest in helping children and young people learn",
                    "Good classroom management skills",
                    "Clear communication with learners, parents and colleagues",
                    "Willingness to complete a background check",
                ],
                Desirables =
                [
                    "Experience supporting learners with special educational needs",
                    "Experience with Google Classroom or another learning platform",
                    "A second language",
                ],
                Skills = ["Lesson Planning", "Classroom Management", "Curriculum Development", "Early Childhood Education", "Special Education", "Student Assessment", "Differentiated Instruction", "Tutoring", "Google Classroom", "Child Development", "Safeguarding", "Parent Communication", "Instructional Design", "Behavior Management"],
            },
            new()
            {
                Name = "Hospitality", Related = "Customer Service", MedianUsd = 34_000, Hourly = true,
                PartTimePercent = 25,
                Team = "front-of-house", Subject = "hospitality or food service",
                Licence = "Food handler certificate", LicenceText = "A food handler certificate, or willingness to obtain one", LicencePercent = 40,
                EntryTitles = ["Server", "Barista", "Housekeeper", "Line Cook", "Dishwasher", "Host"],
                Titles = ["Chef de Partie", "Bartender", "Event Coordinator", "Guest Services Agent", "Sous Chef", "Banquet Captain", "Reservations Agent"],
                LeadTitles = ["Restaurant Manager", "Hotel General Manager", "Food and Beverage Manager", "Head Chef"],
                ExecutiveTitles = ["Vice President of Hotel Operations"],
                Activities =
                [
                    "You will give guests a warm welcome and make every visit one they want to repeat.",
                    "You will work in a lively team where no two shifts are the same.",
                    "You will keep standards high during busy services and quiet afternoons alike.",
                ],
                Duties =
                [
                    "Welcome guests and deliver friendly, attentive service.",
                    "Prepare food and drinks to recipe and presentation standards.",
                    "Keep rooms, dining areas and kitchens clean and well stocked.",
                    "Handle payments and cash accurately.",
                    "Follow food safety, hygiene and licensing rules.",
                    "Deal with guest requests and complaints promptly and politely.",
                    "Help with stock checks, deliveries and set-up for events.",
                    "Work as one team with kitchen, bar and housekeeping staff.",
                ],
                Essentials =
                [
                    "A friendly, positive attitude and pride in good service",
                    "Availability for evening, weekend and holiday shifts",
                    "Ability to stay calm and organised during busy periods",
                    "Good personal presentation and hygiene",
                ],
                Desirables =
                [
                    "Previous experience in a hotel, restaurant or cafe",
                    "Knowledge of wine, cocktails or specialty coffee",
                    "Experience with a point-of-sale system",
                ],
                Skills = ["Food Safety", "Guest Relations", "Food Preparation", "Point of Sale", "Cash Handling", "Housekeeping", "Bartending", "Barista Skills", "Event Planning", "Menu Knowledge", "Table Service", "Hotel Operations", "Reservations", "Kitchen Operations"],
            },
            new()
            {
                Name = "Retail", Related = "Sales", MedianUsd = 33_000, Hourly = true,
                PartTimePercent = 30,
                Team = "store", Subject = "retail",
                EducationLevel = HighSchool, EducationTexts = ["High school diploma or equivalent"],
                EntryTitles = ["Retail Sales Associate", "Cashier", "Stock Associate", "Merchandiser", "Customer Assistant"],
                Titles = ["Visual Merchandiser", "Department Supervisor", "Key Holder", "Loss Prevention Officer", "Inventory Specialist", "Beauty Advisor", "E-commerce Coordinator"],
                LeadTitles = ["Store Manager", "District Manager", "Head of Retail Operations"],
                ExecutiveTitles = ["VP of Retail"],
                Activities =
                [
                    "You will help customers find what they need and make our store a great place to shop.",
                    "You will keep shelves full, displays tidy and queues moving.",
                    "You will be part of a close-knit store team that celebrates its wins together.",
                ],
                Duties =
                [
                    "Greet customers and help them find the right products.",
                    "Operate the till, process payments and handle returns.",
                    "Restock shelves and keep displays neat and attractive.",
                    "Receive deliveries and keep the stockroom organised.",
                    "Set up promotions and price changes on time.",
                    "Open and close the store following security procedures.",
                    "Meet sales and customer-satisfaction goals as a team.",
                    "Keep up to date with products and current offers.",
                ],
                Essentials =
                [
                    "A friendly, outgoing manner with customers",
                    "Basic maths for handling cash",
                    "Availability for weekend and holiday shifts",
                    "Ability to stand and move around for a full shift",
                ],
                Desirables =
                [
                    "Previous retail or customer-facing experience",
                    "Experience with visual merchandising",
                    "Knowledge of our product range",
                ],
                Skills = ["Retail Sales", "Merchandising", "Visual Merchandising", "Stock Replenishment", "Loss Prevention", "Product Knowledge", "Store Operations", "Inventory Control", "Cash Handling", "Point of Sale", "Planograms", "Returns Processing", "Sales Targets", "E-commerce"],
            },
            new()
            {
                Name = "Manufacturing", Related = "Engineering", MedianUsd = 47_000, Hourly = true,
                HybridPercent = 2,
                Team = "production", Subject = "manufacturing",
                EducationLevel = HighSchool, EducationTexts = ["High school diploma or equivalent", "High school diploma or a vocational qualification"],
                EntryTitles = ["Production Operator", "Assembly Worker", "Machine Operator", "Packaging Operator", "Production Associate"],
                Titles = ["CNC Machinist", "Quality Inspector", "Maintenance Technician", "Process Technician", "Production Planner", "Quality Control Technician", "Welder", "Battery Technician"],
                LeadTitles = ["Production Manager", "Plant Manager", "Head of Quality", "Manufacturing Engineering Manager"],
                ExecutiveTitles = ["VP of Manufacturing", "Chief Operating Officer"],
                Activities =
                [
                    "You will help us build high-quality products safely, on time and with as little waste as possible.",
                    "You will run and improve production lines in a modern, well-equipped plant.",
                    "You will work with engineers and quality specialists to solve problems at the source.",
                ],
                Duties =
                [
                    "Set up and operate production equipment according to work instructions.",
                    "Inspect parts and finished products against quality standards.",
                    "Record production data and report defects and downtime.",
                    "Carry out routine maintenance and changeovers.",
                    "Follow lockout/tagout and all health and safety procedures.",
                    "Take part in lean and continuous-improvement activities.",
                    "Keep the work area clean and organised using 5S.",
                    "Train new team members on equipment and procedures.",
                ],
                Essentials =
                [
                    "Ability to read work instructions, drawings or specifications",
                    "A strong commitment to safety and quality",
                    "Reliability and willingness to work rotating shifts",
                    "Basic mechanical aptitude",
                ],
                Desirables =
                [
                    "Experience with lean manufacturing or Six Sigma",
                    "Forklift certification",
                    "Experience in automotive, aerospace or food production",
                ],
                Skills = ["Machine Operation", "Quality Control", "Lean Manufacturing", "Six Sigma", "CNC Machining", "Assembly", "Preventive Maintenance", "5S", "Blueprint Reading", "Welding", "GMP", "Root Cause Analysis", "Production Planning", "ISO 9001"],
            },
            new()
            {
                Name = "Marketing", Related = "Sales", MedianUsd = 72_000,
                RemotePercent = 20, HybridPercent = 40, ContractPercent = 8, EquityPercent = 5,
                Team = "marketing", Subject = "marketing",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Marketing, Communications or a related field"],
                EntryTitles = ["Marketing Assistant", "Social Media Coordinator", "Marketing Coordinator", "Junior Copywriter"],
                Titles = ["Digital Marketing Specialist", "Content Marketing Manager", "SEO Specialist", "Brand Manager", "Product Marketing Manager", "Performance Marketing Specialist", "Communications Specialist", "Marketing Manager"],
                LeadTitles = ["Head of Marketing", "Director of Brand", "Marketing Director"],
                ExecutiveTitles = ["Chief Marketing Officer"],
                Activities =
                [
                    "You will plan and run campaigns that bring the right customers to our door.",
                    "You will create content people actually want to read, watch and share.",
                    "You will measure what works, learn from what doesn't and keep improving.",
                ],
                Duties =
                [
                    "Plan, launch and optimise campaigns across digital and offline channels.",
                    "Write and edit copy for the website, e-mail, social media and ads.",
                    "Manage the marketing calendar and coordinate with agencies and freelancers.",
                    "Track campaign performance and report on results and return on spend.",
                    "Run SEO and paid search activity to grow qualified traffic.",
                    "Keep the brand consistent across every channel.",
                    "Work with sales on lead generation and product launches.",
                    "Research customers, competitors and market trends.",
                ],
                Essentials =
                [
                    "Excellent writing and editing skills",
                    "Hands-on experience with digital marketing channels",
                    "Comfort with analytics tools and data-driven decisions",
                    "Strong organisation and the ability to manage several projects",
                ],
                Desirables =
                [
                    "Experience with HubSpot, Marketo or a similar automation platform",
                    "Basic design skills in Figma, Canva or Adobe Creative Cloud",
                    "Experience in B2B marketing",
                ],
                Skills = ["Digital Marketing", "SEO", "Content Marketing", "Social Media Marketing", "Google Analytics", "Copywriting", "Email Marketing", "Google Ads", "Brand Management", "Marketing Automation", "HubSpot", "Campaign Management", "Market Research", "Public Relations"],
            },
            new()
            {
                Name = "Administrative", Related = "Customer Service", MedianUsd = 45_000, Hourly = true,
                RemotePercent = 5, HybridPercent = 25, PartTimePercent = 12, ContractPercent = 5,
                Team = "office", Subject = "office administration",
                EducationLevel = HighSchool, EducationTexts = ["High school diploma or equivalent"],
                EntryTitles = ["Receptionist", "Administrative Assistant", "Data Entry Clerk", "Office Assistant", "File Clerk"],
                Titles = ["Executive Assistant", "Office Coordinator", "Personal Assistant", "Records Coordinator", "Administrative Coordinator", "Medical Secretary", "Legal Secretary"],
                LeadTitles = ["Office Manager", "Head of Administration", "Facilities Manager"],
                ExecutiveTitles = ["Chief of Staff"],
                Activities =
                [
                    "You will keep the office running smoothly and be the first point of contact for visitors and callers.",
                    "You will manage diaries, documents and logistics so the team can focus on its work.",
                    "You will bring order, accuracy and a friendly manner to everything you do.",
                ],
                Duties =
                [
                    "Answer phones, greet visitors and handle incoming mail.",
                    "Manage calendars, book meetings and arrange travel.",
                    "Prepare documents, letters and presentations.",
                    "Keep paper and electronic files accurate and organised.",
                    "Order office supplies and liaise with suppliers.",
                    "Enter and update data in company systems.",
                    "Take minutes and follow up on action points.",
                    "Support colleagues with ad hoc administrative tasks.",
                ],
                Essentials =
                [
                    "Good working knowledge of Microsoft Office",
                    "Strong organisation and attention to detail",
                    "A professional, friendly telephone manner",
                    "Discretion with confidential information",
                ],
                Desirables =
                [
                    "Experience supporting senior executives",
                    "Typing speed of 50 words per minute or more",
                    "Experience with bookkeeping or invoicing",
                ],
                Skills = ["Calendar Management", "Data Entry", "Microsoft Office", "Scheduling", "Travel Arrangements", "Filing", "Reception", "Minute Taking", "Document Management", "Office Administration", "Microsoft Outlook", "Record Keeping", "Correspondence", "Event Coordination"],
            },
            new()
            {
                Name = "Skilled Trades", Related = "Construction", MedianUsd = 58_000, Hourly = true,
                FieldPercent = 15,
                Team = "service", Subject = "skilled trades",
                Licence = "Trade certification", LicenceText = "A trade certification or journeyman licence", LicencePercent = 50,
                EntryTitles = ["Apprentice Electrician", "Plumber's Helper", "Maintenance Helper", "HVAC Apprentice", "Carpentry Apprentice"],
                Titles = ["Electrician", "Plumber", "HVAC Technician", "Automotive Technician", "Diesel Mechanic", "Carpenter", "Maintenance Electrician", "Battery Technician", "Elevator Mechanic"],
                LeadTitles = ["Service Manager", "Maintenance Manager", "Head of Field Service"],
                ExecutiveTitles = ["VP of Field Operations"],
                Activities =
                [
                    "You will install, maintain and repair equipment for homes and businesses across the area.",
                    "You will take pride in doing the job right the first time and leaving every site tidy.",
                    "You will work alongside experienced tradespeople with the tools and vans you need.",
                ],
                Duties =
                [
                    "Install, test and repair systems to code and manufacturer standards.",
                    "Diagnose faults and explain repair options clearly to customers.",
                    "Carry out planned preventive maintenance visits.",
                    "Read drawings, schematics and technical manuals.",
                    "Complete job sheets and safety checks on every visit.",
                    "Keep tools, equipment and the service vehicle in good order.",
                    "Follow health, safety and environmental rules on site.",
                    "Support and teach apprentices.",
                ],
                Essentials =
                [
                    "Relevant trade training or apprenticeship",
                    "Good fault-finding skills",
                    "Willingness to take part in an on-call rota",
                    "Ability to work at heights and in confined spaces",
                ],
                Desirables =
                [
                    "Experience with commercial or industrial systems",
                    "EPA 608 certification or equivalent",
                    "Experience with electric vehicles or battery systems",
                ],
                Skills = ["Electrical Wiring", "Plumbing", "HVAC", "Troubleshooting", "Preventive Maintenance", "Blueprint Reading", "Hand and Power Tools", "Diagnostics", "Electrical Systems", "Carpentry", "Welding", "OSHA Safety", "Automotive Repair", "Battery Systems"],
            },
            new()
            {
                Name = "Engineering", Related = "Manufacturing", MedianUsd = 98_000, SponsorsVisas = true,
                RemotePercent = 5, HybridPercent = 30, FieldPercent = 5, ContractPercent = 8, EquityPercent = 4,
                Team = "engineering", Subject = "engineering",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Mechanical, Electrical or Civil Engineering", "Bachelor's degree in Engineering or a related technical field"],
                EntryTitles = ["Graduate Engineer", "Junior Mechanical Engineer", "Engineering Technician", "Drafter"],
                Titles = ["Mechanical Engineer", "Electrical Engineer", "Civil Engineer", "Process Engineer", "Quality Engineer", "Manufacturing Engineer", "Structural Engineer", "Controls Engineer", "Project Engineer"],
                LeadTitles = ["Engineering Manager", "Head of Engineering", "Chief Engineer"],
                ExecutiveTitles = ["VP of Engineering", "Chief Technical Officer"],
                Activities =
                [
                    "You will design, test and improve products and systems from concept to production.",
                    "You will solve practical technical problems with colleagues from design, quality and operations.",
                    "You will take ownership of engineering projects and see them through to completion.",
                ],
                Duties =
                [
                    "Produce designs, calculations and drawings using CAD tools.",
                    "Plan and run tests and analyse the results.",
                    "Write specifications, reports and technical documentation.",
                    "Investigate failures and lead root-cause analysis.",
                    "Work with suppliers on parts, materials and costs.",
                    "Support production and site teams with technical issues.",
                    "Make sure designs meet codes, standards and regulations.",
                    "Manage engineering changes through a formal process.",
                ],
                Essentials =
                [
                    "Experience with CAD software such as SolidWorks, AutoCAD or Revit",
                    "Strong analytical and problem-solving skills",
                    "Ability to write clear technical reports",
                ],
                Desirables =
                [
                    "A Professional Engineer (PE) licence or chartered status",
                    "Experience with finite element analysis",
                    "Knowledge of lean or Six Sigma methods",
                ],
                Skills = ["AutoCAD", "SolidWorks", "Mechanical Design", "Electrical Design", "Finite Element Analysis", "MATLAB", "Revit", "Root Cause Analysis", "Technical Documentation", "PLC Programming", "GD&T", "Structural Analysis", "Product Development", "Project Engineering"],
            },
            new()
            {
                Name = "Data & Analytics", Related = "Software Engineering", MedianUsd = 105_000, SponsorsVisas = true,
                RemotePercent = 25, HybridPercent = 40, ContractPercent = 10, EquityPercent = 12,
                Team = "data", Subject = "data analysis",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Statistics, Mathematics, Computer Science or a related field"],
                EntryTitles = ["Junior Data Analyst", "Reporting Analyst", "Business Intelligence Associate"],
                Titles = ["Data Analyst", "Data Scientist", "Data Engineer", "Business Intelligence Analyst", "Analytics Engineer", "Machine Learning Engineer", "Business Analyst"],
                LeadTitles = ["Head of Data", "Analytics Manager", "Director of Data Science"],
                ExecutiveTitles = ["Chief Data Officer"],
                Activities =
                [
                    "You will turn raw data into clear answers that shape decisions across the business.",
                    "You will build reliable pipelines, models and dashboards that people trust.",
                    "You will work closely with product, finance and operations teams on their hardest questions.",
                ],
                Duties =
                [
                    "Collect, clean and model data from many sources.",
                    "Build and maintain dashboards and self-service reports.",
                    "Write efficient SQL and keep data models documented.",
                    "Design experiments and analyse their results.",
                    "Build and deploy statistical and machine-learning models.",
                    "Present findings to non-technical audiences clearly.",
                    "Improve data quality, monitoring and governance.",
                    "Automate recurring analyses and reports.",
                ],
                Essentials =
                [
                    "Strong SQL skills",
                    "Experience with Python or R for analysis",
                    "Experience with a BI tool such as Power BI, Tableau or Looker",
                    "A good grasp of statistics",
                ],
                Desirables =
                [
                    "Experience with dbt, Airflow or Spark",
                    "Experience with a cloud data warehouse such as Snowflake or BigQuery",
                    "Knowledge of machine-learning techniques",
                ],
                Skills = ["SQL", "Python", "Data Analysis", "Power BI", "Tableau", "Machine Learning", "Statistics", "Data Visualization", "ETL", "Snowflake", "R", "Data Modeling", "Apache Spark", "Looker"],
            },
            new()
            {
                Name = "Human Resources", Related = "Administrative", MedianUsd = 68_000,
                RemotePercent = 10, HybridPercent = 35, ContractPercent = 5,
                Team = "people", Subject = "human resources",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Human Resources, Business or Psychology"],
                EntryTitles = ["HR Assistant", "Recruiting Coordinator", "HR Administrator", "Payroll Assistant"],
                Titles = ["HR Generalist", "Recruiter", "Talent Acquisition Specialist", "HR Business Partner", "Compensation and Benefits Analyst", "Learning and Development Specialist", "Employee Relations Specialist"],
                LeadTitles = ["HR Manager", "Head of People", "Director of Talent Acquisition"],
                ExecutiveTitles = ["Chief People Officer", "VP of Human Resources"],
                Activities =
                [
                    "You will help us hire, develop and keep great people.",
                    "You will be a trusted adviser to managers and employees on everything from hiring to wellbeing.",
                    "You will make our people processes simpler, fairer and more consistent.",
                ],
                Duties =
                [
                    "Manage the full recruitment cycle from job posting to offer.",
                    "Advise managers on employee relations, performance and policy.",
                    "Run onboarding and offboarding smoothly.",
                    "Keep employee records and HR systems accurate.",
                    "Support payroll, benefits and compensation reviews.",
                    "Organise training and development programs.",
                    "Keep policies compliant with employment law.",
                    "Analyse HR data such as turnover and time to hire.",
                ],
                Essentials =
                [
                    "Good knowledge of employment law and HR practice",
                    "Excellent interpersonal and communication skills",
                    "Discretion with confidential information",
                    "Experience with an HRIS such as Workday or BambooHR",
                ],
                Desirables =
                [
                    "A CIPD, SHRM or similar HR qualification",
                    "Experience recruiting for technical roles",
                    "Experience running engagement surveys",
                ],
                Skills = ["Recruiting", "Talent Acquisition", "Onboarding", "Employee Relations", "HRIS", "Workday", "Benefits Administration", "Compensation Planning", "Employment Law", "Performance Reviews", "Training and Development", "Interviewing", "Applicant Tracking Systems", "Diversity and Inclusion"],
            },
            new()
            {
                Name = "Construction", Related = "Skilled Trades", MedianUsd = 60_000, Hourly = true,
                FieldPercent = 10, ContractPercent = 8,
                Team = "site", Subject = "construction",
                Licence = "Site safety card", LicenceText = "A valid site safety card (OSHA 10 or CSCS)", LicencePercent = 45,
                EntryTitles = ["Construction Laborer", "General Laborer", "Site Assistant", "Flagger"],
                Titles = ["Heavy Equipment Operator", "Construction Estimator", "Site Supervisor", "Concrete Finisher", "Roofer", "Surveyor", "Project Coordinator", "Safety Officer"],
                LeadTitles = ["Construction Project Manager", "Construction Manager", "Head of Construction"],
                ExecutiveTitles = ["VP of Construction"],
                Activities =
                [
                    "You will help build homes, schools and commercial projects that will stand for decades.",
                    "You will work on active sites where planning, teamwork and safety make the difference.",
                    "You will see the results of your work rise from the ground every week.",
                ],
                Duties =
                [
                    "Prepare sites, set out work and move materials safely.",
                    "Operate tools and equipment in line with method statements.",
                    "Read and work from drawings and specifications.",
                    "Follow site rules, permits and personal protective equipment requirements.",
                    "Coordinate with subcontractors and suppliers on schedules and deliveries.",
                    "Inspect work for quality and report issues.",
                    "Keep daily logs, timesheets and safety checklists.",
                    "Keep the site clean, secure and hazard free.",
                ],
                Essentials =
                [
                    "Experience on construction sites",
                    "Physical fitness for outdoor work in all weather",
                    "Own transportation to changing job sites",
                    "A strong commitment to site safety",
                ],
                Desirables =
                [
                    "Heavy equipment certification",
                    "Experience with estimating software",
                    "First aid certification",
                ],
                Skills = ["Construction Safety", "Heavy Equipment Operation", "Blueprint Reading", "Estimating", "Concrete", "Framing", "Site Supervision", "Scheduling", "Surveying", "Procore", "Roofing", "OSHA Safety", "Quantity Surveying", "Building Codes"],
            },
            new()
            {
                Name = "Legal", Related = "Finance", MedianUsd = 100_000,
                RemotePercent = 5, HybridPercent = 35, ContractPercent = 6,
                Team = "legal", Subject = "legal practice",
                EducationLevel = "Law degree", EducationTexts = ["A law degree (JD or LLB)"],
                Licence = "Bar admission", LicenceText = "Admission to the bar in the relevant jurisdiction", LicencePercent = 45,
                EntryTitles = ["Legal Assistant", "Paralegal", "Junior Paralegal", "Trainee Solicitor"],
                Titles = ["Associate Attorney", "Corporate Lawyer", "Compliance Officer", "Contract Manager", "Litigation Paralegal", "In-House Counsel", "Legal Counsel", "Immigration Attorney"],
                LeadTitles = ["Head of Legal", "Senior Counsel", "Director of Compliance"],
                ExecutiveTitles = ["General Counsel", "Chief Compliance Officer"],
                Activities =
                [
                    "You will give clear, practical legal advice that helps the business move forward safely.",
                    "You will draft and negotiate contracts and manage legal risk across the company.",
                    "You will work on varied matters with a supportive, experienced legal team.",
                ],
                Duties =
                [
                    "Draft, review and negotiate commercial contracts.",
                    "Advise colleagues on legal risks and regulatory requirements.",
                    "Conduct legal research and prepare memos.",
                    "Manage litigation and disputes with outside counsel.",
                    "Maintain compliance policies and run training.",
                    "Keep matter files and contract databases organised.",
                    "Support corporate transactions and governance.",
                    "Monitor changes in law and explain their impact.",
                ],
                Essentials =
                [
                    "Excellent drafting and analytical skills",
                    "Sound judgement and attention to detail",
                    "Ability to explain legal issues in plain language",
                ],
                Desirables =
                [
                    "Experience in an in-house legal team",
                    "Knowledge of data-protection law",
                    "Experience with contract lifecycle management tools",
                ],
                Skills = ["Contract Drafting", "Legal Research", "Litigation", "Compliance", "Corporate Law", "Regulatory Affairs", "Contract Negotiation", "Data Protection", "Employment Law", "Legal Writing", "Due Diligence", "Intellectual Property", "Case Management", "Risk Management"],
            },
            new()
            {
                Name = "Science & Research", Related = "Healthcare", MedianUsd = 85_000, SponsorsVisas = true,
                RemotePercent = 3, HybridPercent = 15, ContractPercent = 8, EquityPercent = 5,
                Team = "research", Subject = "laboratory or clinical research",
                EducationLevel = Bachelor, EducationTexts = ["Bachelor's degree in Chemistry, Biology or a related science", "Degree in a life science or equivalent laboratory experience"],
                EntryTitles = ["Laboratory Technician", "Research Assistant", "Lab Assistant", "Quality Control Analyst"],
                Titles = ["Research Scientist", "Clinical Research Associate", "Chemist", "Microbiologist", "Biostatistician", "Regulatory Affairs Specialist", "Medical Science Liaison", "Formulation Scientist"],
                LeadTitles = ["Principal Scientist", "Head of Research", "Laboratory Manager", "Director of Clinical Operations"],
                ExecutiveTitles = ["Chief Scientific Officer"],
                Activities =
                [
                    "You will run experiments and studies that move new treatments and products closer to patients.",
                    "You will work in modern laboratories alongside scientists from many disciplines.",
                    "You will keep our research rigorous, reproducible and well documented.",
                ],
                Duties =
                [
                    "Plan and perform experiments following standard operating procedures.",
                    "Record data accurately in laboratory notebooks and systems.",
                    "Analyse results and present them to the project team.",
                    "Calibrate and maintain laboratory equipment.",
                    "Monitor clinical study sites and check data quality.",
                    "Write protocols, reports and regulatory documents.",
                    "Follow GLP, GMP or GCP requirements.",
                    "Keep up with the scientific literature in the field.",
                ],
                Essentials =
                [
                    "Hands-on laboratory or clinical research experience",
                    "Meticulous record keeping",
                    "Good knowledge of relevant quality standards (GLP, GMP or GCP)",
                ],
                Desirables =
                [
                    "A PhD in a relevant discipline",
                    "Experience with HPLC, PCR or cell culture",
                    "Publications in peer-reviewed journals",
                ],
                Skills = ["Laboratory Techniques", "Clinical Research", "Good Clinical Practice", "HPLC", "PCR", "Cell Culture", "Data Analysis", "Regulatory Affairs", "GMP", "Scientific Writing", "Biostatistics", "Microbiology", "Analytical Chemistry", "Oncology"],
            },
        ];

        /// <summary>Fictional employers (websites under the reserved .example domain) and the categories they hire for.</summary>
        public static readonly EmployerBank[] Employers =
        [
            new("Lakeshore Health Partners", "Hospitals and Health Care", 12_400, "Chicago, IL", "LHP", true, ["US"],
                "Lakeshore Health Partners runs three community hospitals and twenty clinics around Lake Michigan, caring for more than 400,000 patients a year.",
                ["Healthcare", "Administrative", "Customer Service", Leadership, "Finance"]),
            new("BrightPath Home Care", "Home Health Care", 2_300, "Atlanta, GA", "BPH", true, ["US"],
                "BrightPath Home Care helps older adults live safely and independently at home with nursing, therapy and companionship visits.",
                ["Healthcare", "Customer Service", "Administrative"]),
            new("Meridian Valley Hospital", "Hospitals and Health Care", 3_400, "Sacramento, CA", "MVH", true, ["US"],
                "Meridian Valley Hospital is a 400-bed teaching hospital with a level II trauma centre and a busy maternity unit.",
                ["Healthcare", "Science & Research", "Administrative", "Hospitality"]),
            new("Carpathia Medical Clinics", "Health Care", 1_850, "Cluj-Napoca, Romania", "CMC", false, ["RO"],
                "Carpathia Medical Clinics is a network of private outpatient clinics and diagnostic laboratories across Romania.",
                ["Healthcare", "Science & Research", "Customer Service", "Administrative"]),
            new("Northfield Pharmacy Group", "Pharmacies", 5_200, "Toronto, Canada", "NPG", false, ["CA"],
                "Northfield Pharmacy Group runs 260 community pharmacies offering prescriptions, vaccinations and everyday health products.",
                ["Healthcare", "Retail", "Customer Service"]),
            new("Alvora Pharmaceuticals", "Pharmaceuticals", 9_600, "Basel, Switzerland", "ALV", true, Everywhere,
                "Alvora Pharmaceuticals develops and markets specialty medicines in oncology, immunology and rare diseases.",
                ["Science & Research", "Sales", "Healthcare", "Marketing", "Legal", "Data & Analytics"]),
            new("Verdant Bio Research", "Biotechnology Research", 640, "Cambridge, MA", "VBR", true, ["US", "GB"],
                "Verdant Bio Research is a contract research organisation running laboratory and clinical studies for biotech and pharmaceutical companies.",
                ["Science & Research", "Data & Analytics", "Administrative"]),
            new("Quillstone Software", "Software Development", 820, "Austin, TX", "QS", true, ["US", "CA"],
                "Quillstone builds scheduling and billing software used by 15,000 small businesses.",
                ["Software Engineering", "Customer Service", "Sales", "Marketing", "Data & Analytics"]),
            new("Nimbus Ridge Analytics", "IT Services and Consulting", 310, "Denver, CO", "NRA", false, ["US"],
                "Nimbus Ridge Analytics helps retailers and manufacturers forecast demand with cloud-based analytics.",
                ["Data & Analytics", "Software Engineering", "Sales"]),
            new("Vektor Cloud Systems", "IT Services and Consulting", 4_100, "Bucharest, Romania", "VCS", false, Everywhere,
                "Vektor Cloud Systems designs, builds and runs cloud platforms for banks, insurers and public institutions across Europe.",
                ["Software Engineering", "Data & Analytics", "Customer Service", "Sales", "Human Resources"]),
            new("Bytewell Labs", "Software Development", 140, "Berlin, Germany", "BWL", false, ["DE", "AT", "CH"],
                "Bytewell Labs is a product studio building mobile and web apps for health and education start-ups.",
                ["Software Engineering", "Marketing"]),
            new("Granite Arch Bank", "Banking", 15_800, "Charlotte, NC", "GAB", true, ["US"],
                "Granite Arch Bank serves individuals and businesses through 300 branches and a highly rated mobile app.",
                ["Finance", "Customer Service", "Sales", "Software Engineering", "Legal", "Data & Analytics", Leadership]),
            new("Ledgerline Accounting", "Accounting", 460, "Manchester, United Kingdom", "LLA", false, ["GB"],
                "Ledgerline is an independent accounting firm offering audit, tax and advisory services to owner-managed businesses.",
                ["Finance", "Administrative"]),
            new("Danube Capital Advisors", "Investment Management", 220, "Vienna, Austria", "DCA", false, ["AT", "DE", "RO", "PL"],
                "Danube Capital Advisors manages investments for families, foundations and pension funds in Central and Eastern Europe.",
                ["Finance", "Legal", "Data & Analytics"]),
            new("Safeharbor Mutual Insurance", "Insurance", 7_200, "Columbus, OH", "SMI", true, ["US"],
                "Safeharbor Mutual has protected homes, cars and businesses for more than a century and is owned by its policyholders.",
                ["Customer Service", "Finance", "Sales", "Legal", "Data & Analytics"]),
            new("Open Horizon Learning", "Education", 1_500, "Phoenix, AZ", "OHL", true, ["US"],
                "Open Horizon Learning runs charter schools and after-school programs for 12,000 students.",
                ["Education", "Administrative"]),
            new("Brightmoor Academy Trust", "Primary and Secondary Education", 980, "Birmingham, United Kingdom", "BAT", false, ["GB"],
                "Brightmoor Academy Trust is a family of twelve primary and secondary schools committed to excellent teaching for every child.",
                ["Education", "Administrative"]),
            new("Greenway Community Services", "Non-profit Organizations", 650, "Minneapolis, MN", "GCS", true, ["US"],
                "Greenway Community Services supports families with housing, childcare and employment programs.",
                ["Education", "Healthcare", "Administrative", "Human Resources"]),
            new("Swiftlane Logistics", "Transportation and Logistics", 5_400, "Memphis, TN", "SWL", true, ["US", "CA"],
                "Swiftlane Logistics moves freight across North America with its own truck fleet and 30 distribution centres.",
                ["Logistics", "Customer Service", Leadership]),
            new("Northstar Freight", "Freight and Package Delivery", 2_900, "Rotterdam, Netherlands", "NSF", false, Everywhere,
                "Northstar Freight moves goods by road, rail, sea and air between more than 40 countries.",
                ["Logistics", "Sales", "Customer Service"]),
            new("Ironvale Manufacturing", "Industrial Machinery Manufacturing", 3_600, "Milwaukee, WI", "IVM", true, Everywhere,
                "Ironvale builds pumps, compressors and hydraulic systems for agriculture, mining and energy.",
                ["Manufacturing", "Engineering", "Skilled Trades", "Logistics"]),
            new("Helix Battery Works", "Electrical Equipment Manufacturing", 1_200, "Stuttgart, Germany", "HBW", false, Everywhere,
                "Helix Battery Works designs and manufactures battery packs for electric buses, trucks and energy storage.",
                ["Manufacturing", "Engineering", "Skilled Trades", "Science & Research"]),
            new("Brennan Precision Components", "Motor Vehicle Parts Manufacturing", 850, "Timișoara, Romania", "BPC", false, ["RO"],
                "Brennan Precision Components machines high-precision parts for car and aircraft makers.",
                ["Manufacturing", "Engineering", "Logistics"]),
            new("Golden Sheaf Foods", "Food and Beverage Manufacturing", 4_300, "Kansas City, MO", "GSF", true, ["US"],
                "Golden Sheaf Foods bakes breads, cereals and snacks sold in supermarkets across the country.",
                ["Manufacturing", "Logistics", "Sales"]),
            new("Copper Kettle Hospitality", "Restaurants", 2_600, "Nashville, TN", "CKH", true, ["US"],
                "Copper Kettle Hospitality operates 45 neighbourhood restaurants and coffee houses.",
                ["Hospitality", Leadership]),
            new("Alder & Oak Hotels", "Hospitality", 3_900, "London, United Kingdom", "AOH", false, Everywhere,
                "Alder & Oak Hotels runs boutique hotels in city centres across Europe and North America.",
                ["Hospitality", "Customer Service", "Sales", "Marketing"]),
            new("Harbor & Pine Outfitters", "Retail", 6_100, "Portland, OR", "HPO", true, Everywhere,
                "Harbor & Pine Outfitters sells outdoor clothing and gear in 120 stores in North America and Europe, and online.",
                ["Retail", "Logistics", "Marketing", "Customer Service"]),
            new("Cobalt Street Market", "Retail Groceries", 8_800, "Madrid, Spain", "CSM", false, ["ES", "PT"],
                "Cobalt Street Market is a chain of neighbourhood supermarkets known for fresh local produce.",
                ["Retail", "Logistics", "Hospitality"]),
            new("Everfield Home Goods", "Retail", 2_700, "Lyon, France", "EHG", false, ["FR", "BE"],
                "Everfield Home Goods sells furniture and homeware in large stores and online across France and Belgium.",
                ["Retail", "Sales", "Logistics", "Marketing"]),
            new("Paper Kite Creative", "Advertising Services", 90, "Brooklyn, NY", "PKC", false, ["US"],
                "Paper Kite Creative is an independent agency making brand campaigns, videos and websites for purpose-driven companies.",
                ["Marketing", "Software Engineering"]),
            new("Signal & Story", "Public Relations and Communications", 60, "Paris, France", "SNS", false, ["FR", "BE"],
                "Signal & Story helps technology and healthcare companies tell their story to the press, investors and the public.",
                ["Marketing"]),
            new("Tidewater Media Group", "Media", 1_400, "Bristol, United Kingdom", "TMG", false, ["GB"],
                "Tidewater Media Group publishes regional news sites, magazines and podcasts.",
                ["Marketing", "Sales", "Software Engineering", "Data & Analytics"]),
            new("Whitford & Lane LLP", "Law Practice", 380, "Boston, MA", "WLL", true, ["US"],
                "Whitford & Lane is a business law firm advising companies on contracts, employment and disputes.",
                ["Legal", "Administrative"]),
            new("Marlow Stein Legal", "Legal Services", 120, "Frankfurt, Germany", "MSL", false, ["DE", "AT", "CH"],
                "Marlow Stein Legal advises international clients on corporate, tax and data-protection law.",
                ["Legal", "Administrative"]),
            new("Keystone Ridge Builders", "Construction", 1_700, "Pittsburgh, PA", "KRB", true, ["US"],
                "Keystone Ridge Builders builds schools, hospitals and apartment buildings across the Mid-Atlantic.",
                ["Construction", "Engineering", "Skilled Trades", Leadership]),
            new("Volt & Wire Electrical", "Electrical Contractors", 420, "Leeds, United Kingdom", "VWE", false, ["GB"],
                "Volt & Wire Electrical installs and maintains electrical, lighting and EV-charging systems for homes and businesses.",
                ["Skilled Trades", "Construction"]),
            new("Cresthaven Engineering", "Civil Engineering", 1_100, "Seattle, WA", "CHE", true, ["US", "CA"],
                "Cresthaven Engineering designs bridges, water systems and transit infrastructure.",
                ["Engineering", "Construction"]),
            new("Solenne Energy", "Renewable Energy", 2_100, "Barcelona, Spain", "SOL", false, Everywhere,
                "Solenne Energy develops and operates solar and wind farms in Europe and the Americas.",
                ["Engineering", "Skilled Trades", "Finance", "Construction"]),
            new("Lumenet Communications", "Telecommunications", 5_600, "Dublin, Ireland", "LUM", false, ["IE", "GB"],
                "Lumenet provides broadband, mobile and business connectivity to two million customers.",
                ["Customer Service", "Sales", "Software Engineering", "Skilled Trades", "Marketing"]),
            new("Ridgeback Motors", "Motor Vehicle Dealers", 760, "Phoenix, AZ", "RBM", true, ["US"],
                "Ridgeback Motors sells and services new and used cars at nine dealerships.",
                ["Sales", "Skilled Trades", "Customer Service", "Finance"]),
            new("Peoplewise Staffing", "Staffing and Recruiting", 1_300, "Dallas, TX", "PWS", true, ["US"],
                "Peoplewise Staffing places temporary and permanent staff in warehouses, offices and hospitals.",
                ["Human Resources", "Logistics", "Administrative", "Customer Service", "Healthcare", "Manufacturing"]),
            new("Northbeam Consulting", "Business Consulting and Services", 1_900, "New York, NY", "NBM", true, Everywhere,
                "Northbeam Consulting helps companies plan and deliver large operational and digital changes.",
                [Leadership, "Data & Analytics", "Finance", "Human Resources"]),
            new("Medora Health Group", "Hospitals and Health Care", 21_000, "Amsterdam, Netherlands", "MHG", true, Everywhere,
                "Medora Health Group runs hospitals, clinics and diagnostic centres in eleven countries.",
                ["Healthcare", "Science & Research", "Administrative", "Customer Service", "Hospitality"]),
            new("Lingua Bridge Schools", "Education", 3_100, "Lisbon, Portugal", "LBS", false, Everywhere,
                "Lingua Bridge Schools teaches languages to adults and runs international schools in twenty countries.",
                ["Education", "Customer Service", "Sales", "Administrative"]),
        ];
    }
}
