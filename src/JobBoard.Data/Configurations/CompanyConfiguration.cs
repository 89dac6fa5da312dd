using JobBoard.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobBoard.Data.Configurations;

public sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies", table =>
            table.HasCheckConstraint("ck_companies_verification", StoredValues.OneOf<CompanyVerification>("verification")));

        builder.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Website).HasMaxLength(500);
        builder.Property(c => c.LogoUrl).HasMaxLength(500);
        builder.Property(c => c.LogoVersion).HasMaxLength(64);
        builder.Property(c => c.Industry).HasMaxLength(200);
        builder.Property(c => c.Headquarters).HasMaxLength(200);
        builder.HasMany(c => c.Sections).WithOne().HasForeignKey("CompanyId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Sections).AutoInclude();
    }
}

public sealed class CompanySectionConfiguration : IEntityTypeConfiguration<CompanySection>
{
    public void Configure(EntityTypeBuilder<CompanySection> builder)
    {
        builder.ToTable("company_sections");
        builder.Property(s => s.Key).HasMaxLength(CompanySection.MaxKeyLength);
        builder.Property(s => s.Heading).HasMaxLength(CompanySection.MaxHeadingLength);
        builder.HasIndex("CompanyId", nameof(CompanySection.Key)).IsUnique();
    }
}
