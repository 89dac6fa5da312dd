using JobBoard.Data.Accounts;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobBoard.Data.Configurations;

// A seeker's rows go with their account (ON DELETE CASCADE from users), so deleting an account in one statement
// leaves none behind; the anonymous counts (posting_daily_stats, apply_clicks without a user) stay.
public sealed class SavedJobConfiguration : IEntityTypeConfiguration<SavedJob>
{
    public void Configure(EntityTypeBuilder<SavedJob> builder)
    {
        builder.ToTable("saved_jobs");
        builder.HasKey(s => new { s.UserId, s.PostingId });
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JobPosting>().WithMany().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Cascade);
        // /saved lists them newest first.
        builder.HasIndex(s => new { s.UserId, s.SavedAt });
        builder.HasIndex(s => s.PostingId);
    }
}

public sealed class RecentViewConfiguration : IEntityTypeConfiguration<RecentView>
{
    public void Configure(EntityTypeBuilder<RecentView> builder)
    {
        builder.ToTable("recent_views");
        builder.HasKey(v => new { v.UserId, v.PostingId });
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JobPosting>().WithMany().HasForeignKey(v => v.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.UserId, v.ViewedAt });
        builder.HasIndex(v => v.PostingId);
    }
}

public sealed class JobAlertConfiguration : IEntityTypeConfiguration<JobAlert>
{
    public void Configure(EntityTypeBuilder<JobAlert> builder)
    {
        builder.ToTable("job_alerts", table =>
            table.HasCheckConstraint("ck_job_alerts_frequency", StoredValues.OneOf<AlertFrequency>("frequency")));
        builder.Property(a => a.Frequency).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Email).HasMaxLength(JobAlert.MaxEmailLength);
        builder.Property(a => a.Name).HasMaxLength(JobAlert.MaxNameLength);
        builder.Property(a => a.Query).HasMaxLength(JobAlert.MaxQueryLength);
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.UserId);
        // A guest's alerts, and an account's deletion, find alerts by address (lower-cased in the query).
        builder.HasIndex(a => a.Email);
        // The sender's scan: confirmed alerts, by how far they have been matched.
        builder.HasIndex(a => a.CheckedThrough).HasFilter("confirmed_at IS NOT NULL");
    }
}

public sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.ToTable("alert_deliveries");
        // The key is the "at most once": a second insert of the same posting for the same alert conflicts.
        builder.HasKey(d => new { d.AlertId, d.PostingId });
        builder.HasOne<JobAlert>().WithMany().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JobPosting>().WithMany().HasForeignKey(d => d.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.PostingId);
    }
}

public sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.ToTable("job_applications", table =>
        {
            table.HasCheckConstraint("ck_job_applications_status", StoredValues.OneOf<ApplicationStatus>("status"));
            table.HasCheckConstraint("ck_job_applications_cv_kind", StoredValues.OneOf<CvKind>("cv_kind"));
        });
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CvKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Name).HasMaxLength(JobApplication.MaxNameLength);
        builder.Property(a => a.Email).HasMaxLength(JobApplication.MaxEmailLength);
        builder.Property(a => a.Phone).HasMaxLength(JobApplication.MaxPhoneLength);
        builder.Property(a => a.CoverNote).HasMaxLength(JobApplication.MaxNoteLength);
        builder.Property(a => a.CvFileName).HasMaxLength(CvFile.MaxFileNameLength);
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JobPosting>().WithMany().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Cascade);
        // One application per seeker and posting.
        builder.HasIndex(a => new { a.UserId, a.PostingId }).IsUnique();
        // The recruiter's inbox: a posting's applications, newest first.
        builder.HasIndex(a => new { a.PostingId, a.SubmittedAt });
    }
}

public sealed class ApplicationCvConfiguration : IEntityTypeConfiguration<ApplicationCv>
{
    public void Configure(EntityTypeBuilder<ApplicationCv> builder)
    {
        builder.ToTable("application_cvs");
        builder.HasKey(c => c.ApplicationId);
        builder.HasOne<JobApplication>().WithOne().HasForeignKey<ApplicationCv>(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApplyClickConfiguration : IEntityTypeConfiguration<ApplyClick>
{
    public void Configure(EntityTypeBuilder<ApplyClick> builder)
    {
        builder.ToTable("apply_clicks");
        builder.Property(c => c.FromPage).HasMaxLength(ApplyClick.MaxFromPageLength);
        builder.HasOne<JobPosting>().WithMany().HasForeignKey(c => c.PostingId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account's clicks stay as anonymous counts.
        builder.HasOne<BoardUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.PostingId, c.At });
        builder.HasIndex(c => c.UserId);
    }
}

public sealed class PostingDailyStatsConfiguration : IEntityTypeConfiguration<PostingDailyStats>
{
    public void Configure(EntityTypeBuilder<PostingDailyStats> builder)
    {
        builder.ToTable("posting_daily_stats");
        builder.HasKey(s => new { s.PostingId, s.Day });
        builder.HasOne<JobPosting>().WithMany().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Cascade);
    }
}
