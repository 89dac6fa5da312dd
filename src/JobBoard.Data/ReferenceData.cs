using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Data;

/// <summary>
/// The companies, categories and skills that postings name, found by slug (so "Sales" and "sales " are one category)
/// and created once when new. One instance serves one unit of work on one <see cref="JobBoardDbContext"/>: what it
/// hands out is tracked by that context, and what it creates is saved with the postings that use it.
/// </summary>
/// <remarks>
/// The lookups never query: load what the unit of work may use first (<see cref="LoadAllAsync"/> or
/// <see cref="LoadAsync"/>). Asking for a name that was never checked against the database is a programming error,
/// because creating it could duplicate a row the database already has.
/// </remarks>
public sealed class ReferenceData(JobBoardDbContext db)
{
    private readonly Terms<Company> _companies = new();
    private readonly Terms<Category> _categories = new();
    private readonly Terms<Skill> _skills = new();

    /// <summary>Loads every company, category and skill: for a unit of work over a small or empty board.</summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        _companies.LoadAll(await db.Companies.ToListAsync(cancellationToken), c => c.Slug);
        _categories.LoadAll(await db.Categories.ToListAsync(cancellationToken), c => c.Slug);
        _skills.LoadAll(await db.Skills.ToListAsync(cancellationToken), s => s.Slug);
    }

    /// <summary>Loads those of the named companies, categories and skills the database has, in three queries.</summary>
    public async Task LoadAsync(
        IEnumerable<string> companyNames, IEnumerable<string> categoryNames, IEnumerable<string> skillNames, CancellationToken cancellationToken)
    {
        var companySlugs = _companies.Unchecked(companyNames);
        if (companySlugs.Count > 0)
        {
            _companies.Load(companySlugs, await db.Companies.Where(c => companySlugs.Contains(c.Slug)).ToListAsync(cancellationToken), c => c.Slug);
        }

        var categorySlugs = _categories.Unchecked(categoryNames);
        if (categorySlugs.Count > 0)
        {
            _categories.Load(categorySlugs, await db.Categories.Where(c => categorySlugs.Contains(c.Slug)).ToListAsync(cancellationToken), c => c.Slug);
        }

        var skillSlugs = _skills.Unchecked(skillNames);
        if (skillSlugs.Count > 0)
        {
            _skills.Load(skillSlugs, await db.Skills.Where(s => skillSlugs.Contains(s.Slug)).ToListAsync(cancellationToken), s => s.Slug);
        }
    }

    /// <summary>The company of that name's slug, if the database or this unit of work has it.</summary>
    public Company? FindCompany(string name) => _companies.Find(name);

    /// <summary>The company of that name's slug, or the one <paramref name="create"/> makes, added to the context.</summary>
    public Company CompanyNamed(string name, Func<Company> create) =>
        _companies.FindOrAdd(name, () =>
        {
            var company = create();
            db.Companies.Add(company);
            return company;
        });

    public Category CategoryNamed(string name) =>
        _categories.FindOrAdd(name, () => db.Categories.Add(Category.Create(name)).Entity);

    public Skill SkillNamed(string name) =>
        _skills.FindOrAdd(name, () => db.Skills.Add(Skill.Create(name)).Entity);

    /// <summary>The entities of one kind by slug, and which slugs have been checked against the database.</summary>
    private sealed class Terms<T>
        where T : class
    {
        private readonly Dictionary<string, T> _bySlug = new(StringComparer.Ordinal);
        private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
        private bool _allLoaded;

        public void LoadAll(IEnumerable<T> entities, Func<T, string> slugOf)
        {
            foreach (var entity in entities)
            {
                _bySlug.TryAdd(slugOf(entity), entity);
            }

            _allLoaded = true;
        }

        /// <summary>The slugs of the names not yet looked up in the database.</summary>
        public List<string> Unchecked(IEnumerable<string> names) =>
            _allLoaded ? [] : names.Select(Slug.From).Where(slug => !_checked.Contains(slug)).Distinct(StringComparer.Ordinal).ToList();

        public void Load(IEnumerable<string> slugs, IEnumerable<T> found, Func<T, string> slugOf)
        {
            foreach (var entity in found)
            {
                _bySlug.TryAdd(slugOf(entity), entity);
            }

            _checked.UnionWith(slugs);
        }

        public T? Find(string name)
        {
            var slug = Slug.From(name);
            if (_bySlug.TryGetValue(slug, out var entity))
            {
                return entity;
            }

            if (!_allLoaded && !_checked.Contains(slug))
            {
                throw new InvalidOperationException(
                    $"\"{name}\" was not looked up in the database before use: load the names a unit of work uses first.");
            }

            return null;
        }

        public T FindOrAdd(string name, Func<T> create)
        {
            if (Find(name) is { } entity)
            {
                return entity;
            }

            entity = create();
            _bySlug[Slug.From(name)] = entity;
            return entity;
        }
    }
}
