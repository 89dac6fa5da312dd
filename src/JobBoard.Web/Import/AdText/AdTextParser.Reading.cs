using System.Text.RegularExpressions;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

public static partial class AdTextParser
{
    /// <summary>A heading and the lines under it, before they are read; the ad's head has no heading.</summary>
    private sealed record RawSection(AdLine? HeadingLine, string? Heading, AdHeadingKind Kind, List<AdLine> Lines);

    /// <summary>Where a value was read: the ad's head and a job site's blocks are not the ad's text; a section is.</summary>
    private enum Source
    {
        Head,
        JobInformation,
        Section,
    }

    /// <summary>How sure a statement of the work mode is: the ad's own tag or label first, a job site's label last.</summary>
    private enum ModeEvidence
    {
        Tag,
        AdLabel,
        FieldBased,
        PlaceNote,
        SiteLabel,
        Wording,
    }

    private sealed class Reading(List<AdLine> lines)
    {
        private static readonly AdVocabulary Vocabulary = AdVocabulary.Default;

        private readonly List<AdTextNote> _notes = [];
        private readonly List<AdLine> _adLines = [];
        private readonly List<PostingSection> _sections = [];
        private readonly HashSet<SectionKind> _placed = [];
        private readonly List<string> _responsibilities = [];
        private readonly List<Requirement> _requirements = [];
        private readonly List<AdPlace> _places = [];
        private readonly List<string> _remoteCountries = [];
        private readonly List<string> _categories = [];
        private readonly List<string> _skills = [];
        private readonly List<(WorkMode Mode, ModeEvidence Evidence, string Said, int Line)> _modes = [];
        private string? _title;
        private string? _company;
        private string? _companyAbout;
        private string? _companyAboutHeading;
        private int? _employees;
        private string? _summary;
        private string? _coreResponsibilities;
        private string? _reference;
        private SalaryFound? _salary;
        private AdLine? _salaryLine;
        private string? _payText;
        private string? _benefits;
        private bool? _relocation;
        private bool? _visa;
        private EmploymentType? _employmentType;
        private int? _experienceMin;
        private int? _experienceMax;
        private Seniority? _seniority;
        private decimal? _hours;
        private string? _language;
        private DateOnly? _posted;
        private DateOnly? _closing;

        public AdTextDraft Read()
        {
            var (head, sections) = Segment(WithoutSiteTail());
            ReadHead(head);
            foreach (var section in sections)
            {
                ReadSection(section);
            }

            ReadSalaryInProse();
            ReadStatements();
            ReadTerritory();
            foreach (var line in _adLines)
            {
                if (ScrapingDebris.In(line.Text) is var (problem, at))
                {
                    _notes.Add(new AdTextNote(AdTextNoteKind.Debris, line.Number, ScrapingDebris.Excerpt(line.Display, at + line.Display.Length - line.Text.Length), problem));
                }
            }

            return Build();
        }

        /// <summary>The job site's list of other postings ("Recommended Jobs") and all after it are not the ad.</summary>
        private List<AdLine> WithoutSiteTail()
        {
            var tail = lines.FindIndex(line => Vocabulary.IsTailHeading(line.Text));
            if (tail < 0)
            {
                return lines;
            }

            var last = lines[^1];
            _notes.Add(new AdTextNote(
                AdTextNoteKind.SiteText,
                lines[tail].Number,
                lines[tail].Text,
                $"Lines {lines[tail].Number}–{last.Number}, the job site's \"{lines[tail].Text}\", list other postings, not this ad: they were left out."));
            return lines[..tail];
        }

        private (List<AdLine> Head, List<RawSection> Sections) Segment(List<AdLine> adLines)
        {
            var head = new List<AdLine>();
            var sections = new List<RawSection>();
            RawSection? current = null;
            for (var i = 0; i < adLines.Count; i++)
            {
                var line = adLines[i];
                var next = i + 1 < adLines.Count ? adLines[i + 1] : null;
                if (Vocabulary.IsSiteLine(line.Text))
                {
                    Note(AdTextNoteKind.SiteText, line, "The job site's own words, not the ad's: left out.");
                    continue;
                }

                var inBlock = current?.Kind is AdHeadingKind.JobInformation;
                var label = AdLabels.In(line, valueMayFollow: inBlock);
                var kind = HeadingKindOf(line);
                if (label is null && IsHeading(line, kind, current, head))
                {
                    // A job site's "JOB DETAILS" above the title is its furniture, not a block of details.
                    if (kind == AdHeadingKind.JobInformation && current is null && head.Count == 0 && (next is null || AdLabels.In(next) is null))
                    {
                        Note(AdTextNoteKind.SiteText, line, "The job site's own words, not the ad's: left out.");
                        continue;
                    }

                    current = new RawSection(line, line.Text, kind ?? AdHeadingKind.Text, []);
                    sections.Add(current);
                    continue;
                }

                if (label is null && current?.Kind is not (AdHeadingKind.JobInformation or AdHeadingKind.Categories or AdHeadingKind.Skills)
                    && (current is not null || head.Count > 0) && RunInHeading().Match(line.Text) is { Success: true } runIn
                    && IsRunInHeading(runIn.Groups["heading"].Value) && !line.IsBullet)
                {
                    var heading = runIn.Groups["heading"].Value + runIn.Groups["colon"].Value;
                    current = new RawSection(line, heading.Trim(), AdHeadingKind.Text, [line with { Text = runIn.Groups["body"].Value.Trim() }]);
                    sections.Add(current);
                    continue;
                }

                if (current is null && head.Count > 0 && label is null && IsProse(line))
                {
                    // The ad's opening paragraph, under no heading, is its summary.
                    current = new RawSection(null, null, AdHeadingKind.Summary, []);
                    sections.Add(current);
                }

                (current?.Lines ?? head).Add(line);
            }

            return (head, sections);
        }

        /// <summary>
        /// The kind of section a line would open as a heading: a heading the vocabulary knows word for word, or one
        /// with a known phrase in it that reads as a heading (short, title-cased or ending in a colon): "1+ years of
        /// acute care experience preferred" is an item, not a heading of desirable requirements.
        /// </summary>
        private static AdHeadingKind? HeadingKindOf(AdLine line)
        {
            if (line.Text.StartsWith('#') && !line.IsMarkedHeading)
            {
                return null;
            }

            var kind = Vocabulary.HeadingKind(line.Text, out var exact);
            return exact || line.IsMarkedHeading || line.WordCount <= 4 || line.Text.EndsWith(':') || IsTitleCased(line.Text) ? kind : null;
        }

        /// <summary>
        /// Above the first heading only a heading the vocabulary knows (or markdown marks) ends the ad's head, whose
        /// short title-cased lines are its title, company and place; in a block of skills, categories or job
        /// information, only a known heading ends the block.
        /// </summary>
        private static bool IsHeading(AdLine line, AdHeadingKind? kind, RawSection? current, List<AdLine> head)
        {
            if (!LooksLikeHeading(line, kind))
            {
                return false;
            }

            if (current is null)
            {
                return head.Count > 0 && (kind is not null || line.IsMarkedHeading);
            }

            // A job site marks its labels with a symbol ("🎁Perks"): in its block such a line is a label, whatever it says.
            if (current.Kind == AdHeadingKind.JobInformation && !char.IsLetterOrDigit(line.Text[0]))
            {
                return false;
            }

            if (kind is not null || line.IsMarkedHeading)
            {
                return true;
            }

            // In a list written without bullets a title-cased line is an item ("Current Illinois RN license"); after
            // bulleted items, or ending in a colon, it heads what follows.
            return current.Kind switch
            {
                AdHeadingKind.JobInformation or AdHeadingKind.Categories or AdHeadingKind.Skills or AdHeadingKind.CompanyAbout => false,
                AdHeadingKind.Responsibilities or AdHeadingKind.Essential or AdHeadingKind.Desirable =>
                    line.Text[^1] is ':' or '?' || current.Lines.Any(l => l.IsBullet),
                _ => true,
            };
        }

        private static bool IsRunInHeading(string heading)
        {
            var words = heading.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length is >= 2 and <= 10 && !heading.Contains("://", StringComparison.Ordinal) && IsTitleCased(heading);
        }

        private static bool IsProse(AdLine line) => line.WordCount >= 12 || (line.WordCount >= 6 && line.Text[^1] is '.' or '!');

        private void ReadHead(List<AdLine> head)
        {
            foreach (var line in head)
            {
                _adLines.Add(line);
                if (AdLabels.In(line) is { } label)
                {
                    Apply(label, line, Source.Head);
                }
                else if (line.IsBullet)
                {
                    ReadHeadFact(line.Text, line);
                }
                else if (_title is null)
                {
                    _title = line.Text.TrimStart('#', ' ');
                }
                else if (_company is null && _places.Count == 0 && line.WordCount <= 8 && !NamesAPlace(line.Text))
                {
                    var parts = NameSeparators().Split(line.Text);
                    _company = parts[0].Trim();
                    foreach (var part in parts.Skip(1))
                    {
                        ReadHeadFact(part.Trim(), line);
                    }
                }
                else
                {
                    ReadHeadFact(line.Text, line);
                }
            }
        }

        /// <summary>A short line of the ad's head: its place, work mode, employment type or salary.</summary>
        private void ReadHeadFact(string text, AdLine line)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => TagWord().IsMatch(word)))
            {
                // LinkedIn's tags (#LI-Remote, #LI-DNI) are the ad's text, never a place: the work mode is read from
                // them with the rest of the ad.
                AddText(null, [line]);
            }
            else if (AdValues.EmploymentTypeOf(text) is { } type && text.Split(' ').Length <= 4)
            {
                _employmentType ??= type;
            }
            else if (_salary is null && SalaryText.In(text, CountryCode, aboutPay: true) is { } salary)
            {
                SetSalary(salary, line, text);
            }
            else if (AdPlaces.Read(text) is { } location && (location.Places.Any(p => p.Place is not null) || location.RemoteCountries.Count > 0))
            {
                AddLocation(location, line, ModeEvidence.PlaceNote);
            }
            else if (AdValues.WorkModeOf(text) is { } mode && text.Split(' ').Length <= 3)
            {
                _modes.Add((mode, ModeEvidence.PlaceNote, text, line.Number));
            }
            else
            {
                Note(AdTextNoteKind.Leftover, line, "This line of the ad's head is not its title, company, place, work mode, job type or salary: place it yourself or leave it out.");
            }
        }

        private static bool NamesAPlace(string text) =>
            AdPlaces.Read(text) is { } read && (read.Places.Any(p => p.Precision == PlacePrecision.City) || read.RemoteCountries.Count > 0 || read.Mode is not null);

        private void ReadSection(RawSection section)
        {
            if (section.Kind is not (AdHeadingKind.JobInformation or AdHeadingKind.Categories))
            {
                _adLines.AddRange(section.Lines);
            }

            switch (section.Kind)
            {
                case AdHeadingKind.JobInformation:
                    ReadJobInformation(section);
                    return;
                case AdHeadingKind.Categories:
                    _categories.AddRange(section.Lines.SelectMany(line => Names(line.Text)));
                    return;
                case AdHeadingKind.Skills:
                    ReadSkills(section);
                    return;
                case AdHeadingKind.CompanyAbout when _companyAbout is null && section.Lines.Count > 0:
                    _companyAbout = Body(section.Lines);
                    _companyAboutHeading = section.Heading;
                    return;
                case AdHeadingKind.Summary when !_placed.Contains(SectionKind.Summary) && section.Lines.Any(IsProse):
                    ReadSummary(section);
                    return;
                case AdHeadingKind.Responsibilities when !_placed.Contains(SectionKind.Responsibilities) && section.Lines.Count > 0:
                    ReadList(section, SectionKind.Responsibilities, _responsibilities.Add);
                    return;
                case AdHeadingKind.Essential when !_placed.Contains(SectionKind.EssentialRequirements) && section.Lines.Count > 0:
                    ReadList(section, SectionKind.EssentialRequirements, item => AddRequirement(item, RequirementImportance.Essential));
                    return;
                case AdHeadingKind.Desirable when !_placed.Contains(SectionKind.DesirableRequirements) && section.Lines.Count > 0:
                    ReadList(section, SectionKind.DesirableRequirements, item => AddRequirement(item, RequirementImportance.Desirable));
                    return;
                case AdHeadingKind.Compensation when _salary is null && ReadCompensation(section):
                    return;
                case AdHeadingKind.Responsibilities or AdHeadingKind.Essential or AdHeadingKind.Desirable when section.Lines.Count > 0:
                    Note(AdTextNoteKind.Check, section.HeadingLine!, "A posting has one list of each kind, and this one's kind already has its list: this list is kept as a text section.");
                    break;
            }

            ReadLabels(section.Lines);
            AddText(section.Heading, section.Lines);
        }

        private void ReadSummary(RawSection section)
        {
            // Tags and "Label: value" lines before the opening paragraph stay as the section's lead-in.
            var firstProse = section.Lines.FindIndex(IsProse);
            var leadIn = section.Lines[..firstProse];
            ReadLabels(section.Lines);
            _summary = Body(section.Lines[firstProse..]);
            Place(PostingSection.Structured(SectionKind.Summary, section.Heading, leadIn.Count > 0 ? Body(leadIn) : null));
        }

        /// <summary>
        /// A list under its heading: the lines before its first item are its lead-in, and the items are the bullets
        /// (a line that follows a bullet in lower case goes on with it). A list written without bullets has a line an
        /// item. Paragraphs after the list make a text section of their own.
        /// </summary>
        private void ReadList(RawSection section, SectionKind kind, Action<string> add)
        {
            var sectionLines = section.Lines;
            var hasBullets = sectionLines.Any(l => l.IsBullet);
            var firstItem = hasBullets ? sectionLines.FindIndex(l => l.IsBullet) : sectionLines[0].Text.EndsWith(':') && sectionLines.Count > 1 ? 1 : 0;
            var lastItem = hasBullets ? sectionLines.FindLastIndex(l => l.IsBullet) : LastUnbulletedItem(sectionLines, firstItem);
            var items = new List<string>();
            for (var i = firstItem; i <= lastItem; i++)
            {
                var line = sectionLines[i];
                if (hasBullets && !line.IsBullet && items.Count > 0 && char.IsLower(line.Text[0]))
                {
                    items[^1] += " " + line.Text;
                }
                else
                {
                    items.Add(line.Text);
                }
            }

            ReadLabels(sectionLines);
            foreach (var item in items)
            {
                add(item);
            }

            var leadIn = sectionLines[..firstItem];
            Place(PostingSection.Structured(kind, section.Heading, leadIn.Count > 0 ? Body(leadIn) : null));
            if (lastItem + 1 < sectionLines.Count)
            {
                AddText(null, sectionLines[(lastItem + 1)..]);
            }
        }

        /// <summary>In a list without bullets, a sentence after items that are not sentences is no item but a closing word.</summary>
        private static int LastUnbulletedItem(List<AdLine> sectionLines, int firstItem)
        {
            for (var i = firstItem + 1; i < sectionLines.Count; i++)
            {
                if (IsProse(sectionLines[i]) && sectionLines[firstItem..i].All(l => !IsProse(l)))
                {
                    return i - 1;
                }
            }

            return sectionLines.Count - 1;
        }

        private void AddRequirement(string text, RequirementImportance listed)
        {
            var importance = listed == RequirementImportance.Essential && RequirementText.SaysDesirable(text) ? RequirementImportance.Desirable : listed;
            var requirement = Requirement.Create(importance, text, RequirementText.Facts(text));
            _requirements.Add(requirement);
            if (importance == RequirementImportance.Essential && requirement.ExperienceYears is { } years)
            {
                _experienceMin ??= years;
            }
        }

        /// <summary>
        /// A compensation section with a salary in it: the salary as data; paragraphs after it about benefits as the
        /// benefits text; the rest as the section's text. Without a salary, the section is text like any other.
        /// </summary>
        private bool ReadCompensation(RawSection section)
        {
            var salaryAt = -1;
            SalaryFound? salary = null;
            for (var i = 0; i < section.Lines.Count && salary is null; i++)
            {
                salary = SalaryText.In(section.Lines[i].Text, CountryCode, aboutPay: true);
                salaryAt = i;
            }

            if (salary is null)
            {
                return false;
            }

            SetSalary(salary, section.Lines[salaryAt], string.Join(" ", section.Lines.Select(l => l.Text)));
            ReadLabels(section.Lines);
            var benefits = section.Lines.Skip(salaryAt + 1).Where(l => !l.IsBullet && BenefitsWords().IsMatch(l.Text)).ToList();
            _benefits = benefits.Count > 0 ? Body(benefits) : null;
            var rest = section.Lines.Except(benefits).ToList();
            Place(PostingSection.Structured(SectionKind.Compensation, section.Heading, rest.Count > 0 ? Body(rest) : null));
            return true;
        }

        private void ReadSkills(RawSection section)
        {
            // A tag line after the skills (#LI-Remote) is the ad's text, not a skill.
            var tags = section.Lines.Where(l => l.Text.StartsWith('#')).ToList();
            if (tags.Count > 0)
            {
                ReadSkills(section with { Lines = [.. section.Lines.Except(tags)] });
                AddText(null, tags);
                return;
            }

            var names = section.Lines.SelectMany(line => Names(line.Text)).ToList();
            if (_skills.Count > 0)
            {
                var known = LettersOnly(string.Concat(_skills.Select(s => Parenthesized().Replace(s, string.Empty))));
                if (LettersOnly(string.Concat(section.Lines.Select(l => l.Text))) == known)
                {
                    Note(AdTextNoteKind.SiteText, section.HeadingLine!, "The job site's repetition of the skills above: left out.");
                    return;
                }
            }

            if (names.Any(name => name.Split(' ').Length > 6))
            {
                // Sentences are requirements, whatever the heading calls them.
                ReadSection(section with { Kind = AdHeadingKind.Essential });
                return;
            }

            if (section.Lines.Count == 1 && !ListSeparators().IsMatch(section.Lines[0].Text) && names.Count > 1)
            {
                Note(AdTextNoteKind.Check, section.Lines[0], "The skills were run together on one line; they were split where a capital follows a small letter: check them.");
            }

            _skills.AddRange(names.Where(n => !_skills.Contains(n, StringComparer.OrdinalIgnoreCase)));
            if (!_placed.Contains(SectionKind.Skills))
            {
                Place(PostingSection.Structured(SectionKind.Skills, section.Heading));
            }
        }

        /// <summary>
        /// A job site's block of labels and values: "📋Job Type" then "full time" on the next line, or "Job type:
        /// Full-time". A value that cannot be read, or a label the vocabulary does not know, is a leftover.
        /// </summary>
        private void ReadJobInformation(RawSection section)
        {
            var pairs = new List<(AdLine? LabelLine, LabelledValue? Label, List<AdLine> Values)>();
            foreach (var line in section.Lines)
            {
                var label = AdLabels.In(line, valueMayFollow: true);
                if (label is not null || IsUnknownSiteLabel(line))
                {
                    pairs.Add((line, label, []));
                }
                else if (pairs.Count == 0)
                {
                    pairs.Add((null, null, [line]));
                }
                else
                {
                    pairs[^1].Values.Add(line);
                }
            }

            foreach (var (labelLine, label, values) in pairs)
            {
                var value = string.Join("\n", new[] { label?.Value ?? string.Empty }.Concat(values.Select(v => v.Text)).Where(v => v.Length > 0));
                if (label is not null && labelLine is not null)
                {
                    if (!Apply(label with { Value = value }, labelLine, Source.JobInformation))
                    {
                        _adLines.Add(labelLine);
                        _adLines.AddRange(values);
                        Note(AdTextNoteKind.Leftover, labelLine, $"\"{label.LabelText}: {value.Replace('\n', ' ')}\" could not be read as a {Describe(label.Label)}: set it yourself.");
                    }

                    continue;
                }

                foreach (var unread in values.Prepend(labelLine).OfType<AdLine>())
                {
                    _adLines.Add(unread);
                    Note(AdTextNoteKind.Leftover, unread, $"This line of \"{section.Heading}\" has no label the importer knows: place it yourself.");
                }
            }
        }

        /// <summary>A job site's label the vocabulary does not know ("🎁Perks"): a short line behind a symbol.</summary>
        private static bool IsUnknownSiteLabel(AdLine line) =>
            line.WordCount <= 4 && !char.IsLetterOrDigit(line.Text[0]) && line.Text[0] is not ('"' or '(' or '[' or '\'' or '$' or '£' or '€' or '#');

        /// <summary>Reads the "Label: value" lines of a section into their fields; the lines stay in the section.</summary>
        private void ReadLabels(IEnumerable<AdLine> sectionLines)
        {
            foreach (var line in sectionLines)
            {
                if (AdLabels.In(line) is { } label)
                {
                    Apply(label, line, Source.Section);
                }
            }
        }

        /// <summary>Fills the field a label names; false when the value cannot be read as one.</summary>
        private bool Apply(LabelledValue label, AdLine line, Source source)
        {
            var value = label.Value.Trim();
            switch (label.Label)
            {
                case AdLabel.Title:
                    _title ??= value;
                    return true;
                case AdLabel.Company:
                    _company ??= value;
                    return true;
                case AdLabel.Location:
                    var location = AdPlaces.Read(value);
                    AddLocation(location, line, source == Source.Section ? ModeEvidence.AdLabel : ModeEvidence.PlaceNote);
                    return location.Places.Count > 0 || location.RemoteCountries.Count > 0;
                case AdLabel.WorkMode when AdValues.WorkModeOf(value) is { } mode:
                    _modes.Add((mode, source == Source.Section ? ModeEvidence.AdLabel : ModeEvidence.SiteLabel, $"{label.LabelText}: {value}", line.Number));
                    return true;
                case AdLabel.Posted when (AdValues.DateOf(value) ?? AdValues.DateIn(value)) is { } posted:
                    _posted ??= posted;
                    return true;
                case AdLabel.Closing when (AdValues.DateOf(value) ?? AdValues.DateIn(value)) is { } closing:
                    _closing ??= closing;
                    return true;
                case AdLabel.EmploymentType when AdValues.EmploymentTypeOf(value) is { } type:
                    _employmentType ??= type;
                    return true;
                case AdLabel.Experience when AdValues.ExperienceOf(value) is var (min, max, level) && (min is not null || level is not null):
                    (_experienceMin, _experienceMax) = min is null ? (_experienceMin, _experienceMax) : (min, max);
                    _seniority ??= level;
                    return true;
                case AdLabel.Seniority when AdValues.ExperienceOf(value).Level is { } seniority:
                    _seniority ??= seniority;
                    return true;
                case AdLabel.CompanySize when AdValues.EmployeesOf(value) is { } employees:
                    _employees ??= employees;
                    return true;
                case AdLabel.Visa when AdValues.YesNo(value) is { } visa:
                    _visa ??= visa;
                    return true;
                case AdLabel.Relocation when AdValues.YesNo(value) is { } relocation:
                    _relocation ??= relocation;
                    return true;
                case AdLabel.Language when value.Length is > 0 and <= 100:
                    _language ??= value;
                    return true;
                case AdLabel.Hours when AdValues.HoursOf(value) is { } hours:
                    _hours ??= hours;
                    return true;
                case AdLabel.Salary when SalaryText.In(value, CountryCode, aboutPay: true) is { } salary:
                    if (_salary is null)
                    {
                        SetSalary(salary, line, value);
                    }

                    return true;
                case AdLabel.Reference when value.Length is > 0 and <= PostingContent.MaxShortTextLength:
                    _reference ??= value;
                    return true;
                case AdLabel.CoreResponsibilities when value.Length > 0:
                    _coreResponsibilities ??= value.Replace('\n', ' ');
                    return true;
                case AdLabel.Categories:
                    _categories.AddRange(Names(value));
                    return true;
                case AdLabel.Skills:
                    _skills.AddRange(Names(value).Where(n => !_skills.Contains(n, StringComparer.OrdinalIgnoreCase)));
                    return true;
                default:
                    return false;
            }
        }

        private void AddLocation(LocationRead location, AdLine line, ModeEvidence evidence)
        {
            foreach (var place in location.Places)
            {
                _places.Add(new AdPlace(place.Text, line.Number, place.Place));
                if (place.Place is not null && place.Precision != PlacePrecision.City)
                {
                    Note(AdTextNoteKind.Check, line, $"\"{place.Text}\": the gazetteer knows only its {(place.Precision == PlacePrecision.Region ? "region" : "country")}; the draft puts it at {place.Place.City}. Check the place.");
                }
            }

            _remoteCountries.AddRange(location.RemoteCountries);
            if (location.Mode is { } mode)
            {
                _modes.Add((mode, evidence, line.Text, line.Number));
            }
        }

        private void SetSalary(SalaryFound salary, AdLine line, string payText)
        {
            _salary = salary;
            _salaryLine = line;
            _payText = payText;
            if (salary.PeriodAssumed)
            {
                Note(AdTextNoteKind.Check, line, $"The ad does not say what period the salary is for; the draft says per {salary.Period.ToDisplay()}. Check it.");
            }

            if (salary.CurrencyAssumed)
            {
                Note(AdTextNoteKind.Check, line, $"The ad names no currency; the draft says {salary.Currency}, the currency of the place. Check it.");
            }
        }

        /// <summary>A salary written into any paragraph when no compensation section or label gave one.</summary>
        private void ReadSalaryInProse()
        {
            foreach (var line in _adLines)
            {
                if (_salary is not null)
                {
                    return;
                }

                if (SalaryText.In(line.Text, CountryCode, aboutPay: SalaryWords().IsMatch(line.Text)) is { } salary)
                {
                    SetSalary(salary, line, line.Text);
                }
            }
        }

        /// <summary>What the ad's sentences say of work mode, visa sponsorship and relocation.</summary>
        private void ReadStatements()
        {
            if (_adLines.FirstOrDefault(l => WorkModeTag.In([l.Text]) is not null) is { } tagged)
            {
                _modes.Add((WorkModeTag.In([tagged.Text])!.Value, ModeEvidence.Tag, TagWord().Match(tagged.Text).Value, tagged.Number));
            }

            foreach (var line in _adLines)
            {
                var text = line.Text;
                if (FieldBased().Match(text) is { Success: true } field)
                {
                    _modes.Add((WorkMode.FieldBased, ModeEvidence.FieldBased, field.Value, line.Number));
                }
                else if (RemoteWording().Match(text) is { Success: true } remote)
                {
                    _modes.Add((WorkMode.Remote, ModeEvidence.Wording, remote.Value, line.Number));
                }
                else if (HybridWording().Match(text) is { Success: true } hybrid)
                {
                    _modes.Add((WorkMode.Hybrid, ModeEvidence.Wording, hybrid.Value, line.Number));
                }

                _visa ??= NoVisa().IsMatch(text) ? false : Visa().IsMatch(text) ? true : null;
                _relocation ??= NoRelocation().IsMatch(text) ? false : Relocation().IsMatch(text) ? true : null;
            }
        }

        /// <summary>
        /// A field role names its territory in prose ("key accounts ... which will include: New York, Nashville, ...
        /// and the surrounding area"): the cities of such a list, in the main place's country, are places too.
        /// </summary>
        private void ReadTerritory()
        {
            if (CountryCode is not { } country)
            {
                return;
            }

            foreach (var line in _adLines.Where(l => !l.IsBullet))
            {
                foreach (var sentence in line.Text.Split(". "))
                {
                    if (!TerritoryWords().IsMatch(sentence) || TerritoryList().Match(sentence) is not { Success: true } list)
                    {
                        continue;
                    }

                    var cities = ListItems().Split(list.Groups["list"].Value)
                        .Select(item => item.Trim(' ', '.', ':'))
                        .Where(item => item.Length > 0 && char.IsUpper(item[0]))
                        .Select(item => (Text: item, Place: AdPlaces.CityIn(item, country)))
                        .Where(item => item.Place is not null)
                        .ToList();
                    if (cities.Count >= 2)
                    {
                        cities.RemoveAll(city => _places.Any(p => p.Place is { } known && (known.City, known.CountryCode) == (city.Place!.City, city.Place.CountryCode)));
                        _places.AddRange(cities.Select(city => new AdPlace(city.Text, line.Number, city.Place)));
                    }
                }
            }
        }

        private AdTextDraft Build()
        {
            if (_title is null)
            {
                _notes.Insert(0, new AdTextNote(AdTextNoteKind.Check, 1, string.Empty, "No title was found: the first line of the ad should be the job's title."));
            }

            foreach (var unknown in _places.Where(p => p.Place is null))
            {
                _notes.Add(new AdTextNote(AdTextNoteKind.Check, unknown.Line, unknown.Text, $"\"{unknown.Text}\" is no place the gazetteer knows: add the place in the editor."));
            }

            var locations = _places.Select(p => p.Place).OfType<PlaceInput>()
                .DistinctBy(p => (p.City, p.Region, p.CountryCode))
                .ToList();
            var workMode = WorkModeChosen();
            var compensation = CompensationOf();
            if (_posted is { } posted && _closing is { } closing && closing <= posted)
            {
                _notes.Add(new AdTextNote(AdTextNoteKind.Check, 0, closing.ToString("yyyy-MM-dd"), "The closing date the ad gives is not after its posting date; it was left out."));
                _closing = null;
            }

            var content = new PostingContent
            {
                Title = _title ?? string.Empty,
                Summary = _summary,
                CoreResponsibilities = _coreResponsibilities,
                RequisitionReference = _reference,
                Responsibilities = _responsibilities,
                Requirements = _requirements,
                Sections = _sections,
                Compensation = compensation,
                Locations = locations,
                WorkMode = workMode,
                RelocationSupport = _relocation,
                VisaSponsorship = _visa,
                EmploymentType = _employmentType,
                ExperienceYearsMin = _experienceMin,
                ExperienceYearsMax = _experienceMax,
                Seniority = _seniority ?? (_title is null ? null : Vocabulary.SeniorityOf(_title)),
                HoursPerWeek = _hours,
                WorkingLanguage = _language,
                ApplicantCountries = [.. _remoteCountries.Distinct()],
                DatePosted = _posted,
                ValidThrough = _closing,
            };

            return new AdTextDraft
            {
                Content = content,
                CompanyName = _company,
                CompanyAbout = _companyAbout,
                CompanyAboutHeading = _companyAboutHeading,
                CompanyEmployees = _employees,
                Places = _places,
                CategoryNames = [.. _categories.Distinct(StringComparer.OrdinalIgnoreCase)],
                SkillNames = _skills,
                Notes = [.. _notes.OrderBy(n => n.Line)],
            };
        }

        /// <summary>The strongest statement wins; a weaker one that says otherwise is told to the recruiter.</summary>
        private WorkMode WorkModeChosen()
        {
            if (_modes.Count == 0)
            {
                return WorkMode.OnSite;
            }

            var chosen = _modes.MinBy(m => m.Evidence);
            foreach (var other in _modes.Where(m => m.Mode != chosen.Mode && m.Evidence != ModeEvidence.Wording).DistinctBy(m => m.Mode))
            {
                _notes.Add(new AdTextNote(
                    AdTextNoteKind.Check,
                    other.Line,
                    other.Said,
                    $"\"{other.Said}\" says {other.Mode.ToDisplay()}, but \"{chosen.Said}\" says {chosen.Mode.ToDisplay()}: the draft says {chosen.Mode.ToDisplay()}."));
            }

            return chosen.Mode;
        }

        private Compensation? CompensationOf()
        {
            if (_salary is not { } salary)
            {
                return null;
            }

            var payText = _payText ?? string.Empty;
            var created = Compensation.Create(
                salary.Currency, salary.Minimum, salary.Maximum, salary.Period,
                cashIncentive: CashIncentive().IsMatch(payText), equityEligible: Equity().IsMatch(payText), benefits: _benefits);
            if (created.Succeeded)
            {
                return created.Value;
            }

            Note(AdTextNoteKind.Check, _salaryLine!, $"The salary could not be taken: {string.Join(" ", created.Errors.Select(e => e.Message))}");
            return null;
        }

        private string? CountryCode => _places.Select(p => p.Place?.CountryCode).FirstOrDefault(c => c is not null) ?? _remoteCountries.FirstOrDefault();

        private void Place(PostingSection section)
        {
            _sections.Add(section);
            _placed.Add(section.Kind);
        }

        private void AddText(string? heading, List<AdLine> sectionLines)
        {
            var kept = sectionLines.Where(l => AdLabels.In(l)?.Label is not AdLabel.Posted).ToList();
            if (heading is null && kept.Count == 0)
            {
                return;
            }

            _sections.Add(PostingSection.Text(heading, kept.Count > 0 ? Body(kept) : null));
        }

        private void Note(AdTextNoteKind kind, AdLine line, string message) =>
            _notes.Add(new AdTextNote(kind, line.Number, line.Display, message));

        /// <summary>Paragraphs a line each, as the ads are written; a run of list items stays one paragraph of lines.</summary>
        private static string Body(IEnumerable<AdLine> bodyLines)
        {
            var paragraphs = new List<string>();
            var previousWasItem = false;
            foreach (var line in bodyLines)
            {
                if (line.IsBullet && previousWasItem)
                {
                    paragraphs[^1] += "\n" + line.Display;
                }
                else
                {
                    paragraphs.Add(line.Display);
                }

                previousWasItem = line.IsBullet;
            }

            return string.Join("\n\n", paragraphs);
        }

        /// <summary>Names of a list: comma- or semicolon-separated (commas in brackets aside), or run together ("HealthcareSales").</summary>
        private static IEnumerable<string> Names(string text)
        {
            var parts = ListSeparators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            // A job site's chips copied as one line ("HealthcareSalesManagement & Leadership"); one capital inside a
            // word is a name's own ("JavaScript").
            if (parts.Count == 1 && CamelCase().Count(parts[0]) >= 2)
            {
                parts = [.. CamelCase().Split(parts[0]).Select(p => p.Trim()).Where(p => p.Length > 0)];
            }

            return parts.Where(p => p.Length <= 100);
        }

        private static string LettersOnly(string text) => new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

        private static string Describe(AdLabel label) => label switch
        {
            AdLabel.WorkMode => "work mode",
            AdLabel.Posted => "date",
            AdLabel.Closing => "closing date",
            AdLabel.EmploymentType => "job type",
            AdLabel.Experience => "years of experience or level",
            AdLabel.CompanySize => "number of employees",
            AdLabel.Visa or AdLabel.Relocation => "yes or no",
            AdLabel.Hours => "number of hours a week",
            _ => label.ToString().ToLowerInvariant(),
        };
    }

    // "Driving is an Essential Function of this Role: Meaning ...", "For Field Roles ... Period : The individual ...".
    [GeneratedRegex(@"^(?<heading>[^:]{3,80}?)(?<colon>\s?:)\s+(?<body>\S.{19,})$")]
    private static partial Regex RunInHeading();

    [GeneratedRegex(@"\s+(?:·|\||–|—|-)\s+")]
    private static partial Regex NameSeparators();

    [GeneratedRegex(@"\s*[,;•·|]\s*(?![^(]*\))")]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\bbenefit", RegexOptions.IgnoreCase)]
    private static partial Regex BenefitsWords();

    [GeneratedRegex(@"\b(?:salary|pay|compensation|remuneration|wage|rate|gehalt|vergütung)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SalaryWords();

    [GeneratedRegex(@"\bcash incentive|\bbonus\b|\bcommission\b|\bincentive (?:plan|scheme|pay)", RegexOptions.IgnoreCase)]
    private static partial Regex CashIncentive();

    [GeneratedRegex(@"\bequity\b|\bstock options?\b|\bRSUs?\b|\bshare options?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Equity();

    [GeneratedRegex(@"#LI-[\w-]+")]
    private static partial Regex TagWord();

    [GeneratedRegex(@"\bfield[- ]based\b", RegexOptions.IgnoreCase)]
    private static partial Regex FieldBased();

    [GeneratedRegex(@"\b(?:fully remote|100% remote|remote[- ]first|remote role|remote position|work from anywhere)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteWording();

    [GeneratedRegex(@"\b(?:hybrid (?:role|position|working|work|model|schedule)|hybrides arbeiten)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HybridWording();

    [GeneratedRegex(@"\b(?:will not|won't|cannot|can't|can not|unable to|does not|do not|is not able to|are not able to)\s+(?:offer\s+|provide\s+)?(?:visa\s+)?sponsor|\bno\s+visa\s+sponsorship|\bsponsorship\s+(?:is\s+)?not\s+(?:available|offered|provided)|\bwithout\s+(?:the\s+need\s+for\s+)?(?:visa\s+)?sponsorship", RegexOptions.IgnoreCase)]
    private static partial Regex NoVisa();

    [GeneratedRegex(@"\bvisa\s+sponsorship\s+(?:is\s+)?(?:available|offered|provided|possible)|\b(?:we|company)\s+(?:will|can|do)\s+sponsor\b", RegexOptions.IgnoreCase)]
    private static partial Regex Visa();

    [GeneratedRegex(@"\b(?:will not|won't|cannot|can't|unable to|does not|do not|is not able to)\s+(?:offer|provide)\s+relocation|\bno\s+relocation\b|\brelocation\s+(?:support|assistance|package)?\s*(?:is\s+)?not\s+(?:available|offered|provided)", RegexOptions.IgnoreCase)]
    private static partial Regex NoRelocation();

    [GeneratedRegex(@"\brelocation\s+(?:support|assistance|package|allowance)\s+(?:is\s+)?(?:available|offered|provided|included)|\b(?:we|company)\s+(?:will|can)\s+(?:offer|provide)\s+relocation", RegexOptions.IgnoreCase)]
    private static partial Regex Relocation();

    [GeneratedRegex(@"\bterritor|\bfield[- ]based\b|\baccounts in\b|\bcities\b|\blocations\b|\bregion\b", RegexOptions.IgnoreCase)]
    private static partial Regex TerritoryWords();

    [GeneratedRegex(@"\b(?:include|includes|including|covering|covers|across)\s*:?\s*(?<list>[^.;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TerritoryList();

    [GeneratedRegex(@",|\band\b|\bor\b|\bthe surrounding areas?\b|\bsurrounding areas?\b")]
    private static partial Regex ListItems();
}
