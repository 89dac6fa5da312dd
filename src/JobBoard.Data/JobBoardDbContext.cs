using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace JobBoard.Data;

public sealed class JobBoardDbContext(DbContextOptions<JobBoardDbContext> options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<JobPosting> Postings => Set<JobPosting>();

    public DbSet<PostingLocation> PostingLocations => Set<PostingLocation>();

    public DbSet<PostingStatusChange> PostingStatusChanges => Set<PostingStatusChange>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Skill> Skills => Set<Skill>();

    /// <summary>
    /// Saves, and brings the search rows (<c>posting_search</c> and the rows derived from them, suggestions included) of
    /// every posting the save touched up to date, in one transaction: the caller's, or one of its own.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await SaveAndRefreshAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // A retried attempt starts again from the same tracked changes, so they are accepted only once it has committed.
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async cancellation =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellation);
            var count = await SaveAndRefreshAsync(acceptAllChangesOnSuccess: false, cancellation);
            await transaction.CommitAsync(cancellation);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    private async Task<int> SaveAndRefreshAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var touched = TouchedPostings();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var (postingIds, companyIds) = touched.Resolve();
        if (postingIds.Length > 0)
        {
            await Database.ExecuteSqlAsync($"SELECT posting_search_refresh({postingIds})", cancellationToken);
        }

        if (companyIds.Length > 0)
        {
            await Database.ExecuteSqlAsync(
                $"SELECT posting_search_refresh(array(SELECT id FROM job_postings WHERE company_id = ANY ({companyIds})))", cancellationToken);
        }

        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Postings whose searchable text, filters or visibility may change with this save: the postings themselves, those
    /// whose places, categories or skills change, and all postings of a renamed company. Entities are kept, not ids,
    /// because new ones get their ids from the save.
    /// </summary>
    private TouchedEntities TouchedPostings()
    {
        var touched = new TouchedEntities();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case JobPosting posting:
                    touched.Postings.Add(Entry(posting));
                    break;
                case PostingLocation location:
                    touched.PostingIds.Add(location.PostingId);
                    break;
                case PostingCategory category:
                    touched.PostingIds.Add(category.PostingId);
                    break;
                case PostingSkill skill:
                    touched.PostingIds.Add(skill.PostingId);
                    break;
                case Company company when entry.State == EntityState.Modified:
                    touched.Companies.Add(company);
                    break;
            }
        }

        return touched;
    }

    private sealed class TouchedEntities
    {
        /// <summary>Entries, not entities: until the changes are accepted, a new posting's id is only in its entry.</summary>
        public List<EntityEntry<JobPosting>> Postings { get; } = [];

        public HashSet<int> PostingIds { get; } = [];

        public List<Company> Companies { get; } = [];

        public (int[] PostingIds, int[] CompanyIds) Resolve()
        {
            PostingIds.UnionWith(Postings.Select(p => p.Property(e => e.Id).CurrentValue));
            PostingIds.Remove(0);
            return ([.. PostingIds], [.. Companies.Select(c => c.Id).Distinct()]);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JobBoardDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and in dumps, and safe when members are reordered.
        configurationBuilder.Properties<PostingStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<WorkMode>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EmploymentType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Seniority>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PayPeriod>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<RequirementImportance>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SectionKind>().HaveConversion<string>().HaveMaxLength(30);
    }
}
