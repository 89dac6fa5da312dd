using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Data;

/// <summary>
/// The board's tables. The rows derived from postings (search, places, recommendation candidates, suggestions) are kept
/// by the database itself, in the saving transaction (Sql/SearchUpkeep.sql), so a save here needs nothing more.
/// </summary>
public sealed class JobBoardDbContext(DbContextOptions<JobBoardDbContext> options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<JobPosting> Postings => Set<JobPosting>();

    public DbSet<PostingLocation> PostingLocations => Set<PostingLocation>();

    public DbSet<PostingStatusChange> PostingStatusChanges => Set<PostingStatusChange>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Skill> Skills => Set<Skill>();

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
