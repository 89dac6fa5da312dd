using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Taxonomy;
using JobBoard.Loader.DemoData;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// The companies, categories and skills synthetic postings refer to, found in the board or created (through
/// <see cref="ReferenceData"/>, by slug, as the demo loader and the importer do) and saved with their ids, so postings can
/// be written with their keys. Each name is resolved once here: the million lookups of a load are dictionary reads.
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

    public static async Task<BoardReferences> FindOrCreateAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        var referenceData = new ReferenceData(db);
        await referenceData.LoadAsync(
            SyntheticBoard.Companies.Select(c => c.Name), SyntheticBoard.CategoryNames, SyntheticBoard.SkillNames, cancellationToken);
        var companies = SyntheticBoard.Companies.ToDictionary(
            c => c.Name, c => referenceData.CompanyNamed(c.Name, c.ToCompany), StringComparer.OrdinalIgnoreCase);
        var categories = SyntheticBoard.CategoryNames.ToDictionary(n => n, referenceData.CategoryNamed, StringComparer.OrdinalIgnoreCase);
        var skills = SyntheticBoard.SkillNames.ToDictionary(n => n, referenceData.SkillNamed, StringComparer.OrdinalIgnoreCase);
        await db.SaveChangesAsync(cancellationToken);
        return new BoardReferences(companies, categories, skills);
    }

    public Company CompanyFor(DemoCompany company) => _companies[company.Name];

    public Category CategoryNamed(string name) => _categories[name];

    public Skill SkillNamed(string name) => _skills[name];
}
