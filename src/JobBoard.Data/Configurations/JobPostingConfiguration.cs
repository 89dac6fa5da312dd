using JobBoard.Domain.Postings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobBoard.Data.Configurations;

public sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> builder)
    {
        builder.ToTable("job_postings", table =>
        {
            table.HasCheckConstraint("ck_job_postings_status", StoredValues.OneOf<PostingStatus>("status"));
            table.HasCheckConstraint("ck_job_postings_work_mode", StoredValues.OneOf<WorkMode>("work_mode"));
            table.HasCheckConstraint("ck_job_postings_employment_type", StoredValues.OneOf<EmploymentType>("employment_type"));
            table.HasCheckConstraint("ck_job_postings_seniority", StoredValues.OneOf<Seniority>("seniority"));
            table.HasCheckConstraint("ck_job_postings_salary_period", StoredValues.OneOf<PayPeriod>("salary_period"));
            table.HasCheckConstraint("ck_job_postings_requirements",
                StoredValues.JsonArrayOf<RequirementImportance>("requirements", nameof(Requirement.Importance), nameof(Requirement.Text)));
            table.HasCheckConstraint("ck_job_postings_sections",
                StoredValues.JsonArrayOf<SectionKind>("sections", nameof(PostingSection.Kind), nameof(PostingSection.Heading), nameof(PostingSection.Body)));
        });
        builder.Property(p => p.Title).HasMaxLength(PostingContent.MaxTitleLength);
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.RequisitionReference).HasMaxLength(PostingContent.MaxShortTextLength);
        builder.Property(p => p.ApplyUrl).HasMaxLength(PostingContent.MaxShortTextLength);
        builder.Property(p => p.ApplyEmail).HasMaxLength(PostingContent.MaxShortTextLength);
        builder.Property(p => p.WorkingLanguage).HasMaxLength(PostingContent.MaxShortTextLength);
        builder.Property(p => p.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(p => p.Version).IsRowVersion();

        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);

        // The ad's ordered text is read whole with the posting, so it lives in the row: arrays and JSON documents.
        builder.PrimitiveCollection(p => p.Responsibilities).HasField("_responsibilities");
        builder.PrimitiveCollection(p => p.ApplicantCountries).HasField("_applicantCountries");
        builder.OwnsMany(p => p.Requirements, requirement => requirement.ToJson("requirements"));
        builder.OwnsMany(p => p.Sections, section => section.ToJson("sections"));

        builder.OwnsOne(p => p.Compensation, compensation =>
        {
            compensation.Property(c => c.Currency).HasColumnName("salary_currency").HasMaxLength(3);
            compensation.Property(c => c.Minimum).HasColumnName("salary_min").HasPrecision(14, 2);
            compensation.Property(c => c.Maximum).HasColumnName("salary_max").HasPrecision(14, 2);
            compensation.Property(c => c.Period).HasColumnName("salary_period");
            compensation.Property(c => c.CashIncentive).HasColumnName("salary_cash_incentive");
            compensation.Property(c => c.EquityEligible).HasColumnName("salary_equity_eligible");
            compensation.Property(c => c.Benefits).HasColumnName("benefits");
        });

        builder.HasMany(p => p.Locations).WithOne().HasForeignKey(l => l.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Categories).WithOne().HasForeignKey(c => c.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.StatusHistory).WithOne().HasForeignKey(h => h.PostingId).OnDelete(DeleteBehavior.Cascade);

        // Browsing lists the newest open postings first.
        builder.HasIndex(p => new { p.Status, p.DatePosted, p.Id }).IsDescending(false, true, true);
        builder.HasIndex(p => p.CompanyId);
        // Alerts look at the published postings changed since they last looked.
        builder.HasIndex(p => p.UpdatedAt).HasDatabaseName("ix_job_postings_published_updated_at").HasFilter("status = 'Published'");
        builder.HasIndex(p => new { p.CompanyId, p.RequisitionReference });
        // The recruiter's dashboard pages through one company's postings, last changed first, all of them or one status
        // at a time, and counts them by status.
        builder.HasIndex(p => new { p.CompanyId, p.UpdatedAt, p.Id }).IsDescending(false, true, true);
        builder.HasIndex(p => new { p.CompanyId, p.Status, p.UpdatedAt, p.Id }).IsDescending(false, false, true, true);
    }
}

public sealed class PostingLocationConfiguration : IEntityTypeConfiguration<PostingLocation>
{
    public void Configure(EntityTypeBuilder<PostingLocation> builder)
    {
        builder.ToTable("posting_locations");
        builder.Property(l => l.City).HasMaxLength(200);
        builder.Property(l => l.Region).HasMaxLength(200);
        builder.Property(l => l.RegionCode).HasMaxLength(20);
        builder.Property(l => l.CountryCode).HasMaxLength(2);
        builder.Property(l => l.CountryName).HasMaxLength(100);
        builder.Ignore(l => l.DisplayName);
        builder.HasIndex(l => l.PostingId);
    }
}

public sealed class PostingCategoryConfiguration : IEntityTypeConfiguration<PostingCategory>
{
    public void Configure(EntityTypeBuilder<PostingCategory> builder)
    {
        builder.ToTable("posting_categories");
        builder.HasKey(pc => new { pc.PostingId, pc.CategoryId });
        builder.HasOne(pc => pc.Category).WithMany().HasForeignKey(pc => pc.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pc => pc.CategoryId);
    }
}

public sealed class PostingSkillConfiguration : IEntityTypeConfiguration<PostingSkill>
{
    public void Configure(EntityTypeBuilder<PostingSkill> builder)
    {
        builder.ToTable("posting_skills");
        builder.HasKey(ps => new { ps.PostingId, ps.SkillId });
        builder.HasOne(ps => ps.Skill).WithMany().HasForeignKey(ps => ps.SkillId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(ps => ps.SkillId);
    }
}

public sealed class PostingStatusChangeConfiguration : IEntityTypeConfiguration<PostingStatusChange>
{
    public void Configure(EntityTypeBuilder<PostingStatusChange> builder)
    {
        builder.ToTable("posting_status_changes", table =>
        {
            table.HasCheckConstraint("ck_posting_status_changes_from_status", StoredValues.OneOf<PostingStatus>("from_status"));
            table.HasCheckConstraint("ck_posting_status_changes_to_status", StoredValues.OneOf<PostingStatus>("to_status"));
        });
        builder.Property(h => h.From).HasColumnName("from_status");
        builder.Property(h => h.To).HasColumnName("to_status");
        builder.Property(h => h.Actor).HasMaxLength(200);
        builder.Property(h => h.Reason).HasMaxLength(2000);
        builder.HasIndex(h => new { h.PostingId, h.At });
    }
}
