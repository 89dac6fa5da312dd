using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Taxonomy;
using JobBoard.Web.Data;
using JobBoard.Web.DemoData;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.BulkLoad;

/// <summary>
/// The companies, categories and skills synthetic postings refer to, found in the board or created through the domain
/// and EF (a few hundred rows: not worth a COPY), with their ids, so postings can be written with their keys.
/// </summary>
internal sealed class BoardReferences
{
    private readonly Dictionary<string, Company> _companies;
    private readonly Dictionary<string, Category> _categories;
    private readonly Dictionary<string, Skill> _skills;

    private BoardReferences(Dictionary<string, Company> companies, Dictionary<string, Category> categories, Dictionary<string, Skill> skills)
    {
        _companies = companies;
        _categories = categories;
        _skills = skills;
    }

    public int CreatedCount { get; private init; }

    public static async Task<BoardReferences> FindOrCreateAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        // Companies by name, as the demo loader finds them; taxonomy by slug, which is what must be unique.
        var companies = (await db.Companies.ToListAsync(cancellationToken)).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var categoriesBySlug = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var skillsBySlug = await db.Skills.ToDictionaryAsync(s => s.Slug, cancellationToken);
        var created = 0;

        foreach (var demo in SyntheticBoard.Companies)
        {
            if (!companies.ContainsKey(demo.Name))
            {
                var company = demo.ToCompany();
                companies[demo.Name] = company;
                db.Companies.Add(company);
                created++;
            }
        }

        var categories = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in SyntheticBoard.CategoryNames)
        {
            categories[name] = FindOrCreate(categoriesBySlug, name, Category.Create, db.Categories.Add);
        }

        var skills = new Dictionary<string, Skill>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in SyntheticBoard.SkillNames)
        {
            skills[name] = FindOrCreate(skillsBySlug, name, Skill.Create, db.Skills.Add);
        }

        created += db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added && e.Entity is Category or Skill);
        await db.SaveChangesAsync(cancellationToken);
        return new BoardReferences(companies, categories, skills) { CreatedCount = created };

        T FindOrCreate<T>(Dictionary<string, T> bySlug, string name, Func<string, T> create, Func<T, object> add)
            where T : class
        {
            var slug = Slug.From(name);
            if (!bySlug.TryGetValue(slug, out var found))
            {
                found = create(name);
                bySlug[slug] = found;
                add(found);
            }

            return found;
        }
    }

    public Company CompanyFor(DemoCompany company) => _companies[company.Name];

    public Category CategoryNamed(string name) => _categories[name];

    public Skill SkillNamed(string name) => _skills[name];
}
