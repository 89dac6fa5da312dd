using JobBoard.Data.Accounts;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Domain.Taxonomy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Data;

/// <summary>
/// The board's tables. The rows derived from postings (search, places, recommendation candidates, suggestions) are kept
/// by the database itself, in the saving transaction (Sql/SearchUpkeep.sql), so a save here needs nothing more. The
/// accounts (ASP.NET Core Identity) live in the same database, and so do the Data Protection keys that sign their
/// cookies and antiforgery tokens, so every app instance on the database accepts what another issued.
/// </summary>
public sealed class JobBoardDbContext(DbContextOptions<JobBoardDbContext> options)
    : IdentityDbContext<BoardUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<JobPosting> Postings => Set<JobPosting>();

    public DbSet<PostingLocation> PostingLocations => Set<PostingLocation>();

    public DbSet<PostingStatusChange> PostingStatusChanges => Set<PostingStatusChange>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Skill> Skills => Set<Skill>();

    public DbSet<CompanyMember> CompanyMembers => Set<CompanyMember>();

    public DbSet<CompanyLogo> CompanyLogos => Set<CompanyLogo>();

    public DbSet<PostingReport> PostingReports => Set<PostingReport>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SavedJob> SavedJobs => Set<SavedJob>();

    public DbSet<RecentView> RecentViews => Set<RecentView>();

    public DbSet<JobAlert> JobAlerts => Set<JobAlert>();

    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();

    public DbSet<JobApplication> JobApplications => Set<JobApplication>();

    public DbSet<ApplicationCv> ApplicationCvs => Set<ApplicationCv>();

    public DbSet<ApplyClick> ApplyClicks => Set<ApplyClick>();

    public DbSet<PostingDailyStats> PostingDailyStats => Set<PostingDailyStats>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JobBoardDbContext).Assembly);
        // Identity's other tables, named like the board's own.
        builder.Entity<IdentityUserRole<int>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<int>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<int>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<int>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<int>>().ToTable("role_claims");
    }

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
        configurationBuilder.Properties<CompanyVerification>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MembershipStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReportReason>().HaveConversion<string>().HaveMaxLength(30);
    }
}
