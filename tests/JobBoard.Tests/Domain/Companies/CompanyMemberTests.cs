using JobBoard.Domain.Companies;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Companies;

public sealed class CompanyMemberTests
{
    [Fact]
    public void The_recruiter_who_registers_a_company_owns_it_at_once_and_the_company_waits_for_verification()
    {
        var company = JobBoard.Domain.Companies.Company.Register("Brand New Ltd", new CompanyProfile()).Value;

        var founder = CompanyMember.Founder(company, userId: 7, Now);

        founder.Should().Match<CompanyMember>(m => m.IsOwner && m.IsApproved && m.UserId == 7);
        company.Verification.Should().Be(CompanyVerification.Pending);
        Company("From a feed").Verification.Should().Be(CompanyVerification.Verified);
    }

    [Fact]
    public void A_request_to_join_waits_for_a_decision_that_is_taken_once()
    {
        var request = CompanyMember.Request(Company(), userId: 8, Now);
        request.IsApproved.Should().BeFalse();
        request.IsOwner.Should().BeFalse();

        request.Approve("owner@acme.test", Now).Succeeded.Should().BeTrue();

        request.Should().Match<CompanyMember>(m => m.IsApproved && m.DecidedBy == "owner@acme.test" && m.DecidedAt == Now);
        request.Decline("admin@jobboard.test", Now).Errors.Single().Message.Should().Be("This request was already approved.");
        request.IsApproved.Should().BeTrue();
    }
}
