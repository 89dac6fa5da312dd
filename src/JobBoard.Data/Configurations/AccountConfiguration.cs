using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobBoard.Data.Configurations;

public sealed class BoardUserConfiguration : IEntityTypeConfiguration<BoardUser>
{
    public void Configure(EntityTypeBuilder<BoardUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(BoardUser.MaxDisplayNameLength);
    }
}

public sealed class BoardRoleConfiguration : IEntityTypeConfiguration<IdentityRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<int>> builder)
    {
        builder.ToTable("roles");
        // The roles are part of the schema, not demo data: every board has exactly these three.
        builder.HasData(BoardRoles.All.Select((name, i) => new IdentityRole<int>
        {
            Id = i + 1,
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{name.ToLowerInvariant()}",
        }));
    }
}

public sealed class CompanyMemberConfiguration : IEntityTypeConfiguration<CompanyMember>
{
    public void Configure(EntityTypeBuilder<CompanyMember> builder)
    {
        builder.ToTable("company_members", table =>
            table.HasCheckConstraint("ck_company_members_status", StoredValues.OneOf<MembershipStatus>("status")));
        builder.HasOne(m => m.Company).WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // A recruiter belongs to one company at a time.
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => new { m.CompanyId, m.Status });
        builder.Property(m => m.DecidedBy).HasMaxLength(256);
    }
}

public sealed class CompanyLogoConfiguration : IEntityTypeConfiguration<CompanyLogo>
{
    public void Configure(EntityTypeBuilder<CompanyLogo> builder)
    {
        builder.ToTable("company_logos");
        builder.HasKey(l => l.CompanyId);
        builder.HasOne<Company>().WithOne().HasForeignKey<CompanyLogo>(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ContentType).HasMaxLength(50);
        builder.Property(l => l.Version).HasMaxLength(64);
    }
}

public sealed class PostingReportConfiguration : IEntityTypeConfiguration<PostingReport>
{
    public void Configure(EntityTypeBuilder<PostingReport> builder)
    {
        builder.ToTable("posting_reports", table =>
            table.HasCheckConstraint("ck_posting_reports_reason", StoredValues.OneOf<ReportReason>("reason")));
        builder.HasOne<Domain.Postings.JobPosting>().WithMany().HasForeignKey(r => r.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.Details).HasMaxLength(PostingReport.MaxDetailsLength);
        builder.Property(r => r.ResolvedBy).HasMaxLength(256);
        builder.Property(r => r.Resolution).HasMaxLength(PostingReport.MaxDetailsLength);
        // The admin's queue lists the open reports, oldest first.
        builder.HasIndex(r => r.CreatedAt).HasFilter("resolved_at IS NULL");
        builder.HasIndex(r => r.PostingId);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.SubjectType).HasMaxLength(50);
        builder.Property(a => a.SubjectId).HasMaxLength(100);
        builder.Property(a => a.Reason).HasMaxLength(PostingReport.MaxDetailsLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
    }
}
