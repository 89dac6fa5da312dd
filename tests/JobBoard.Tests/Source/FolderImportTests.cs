using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Source;

/// <summary>
/// Pages, the API and feeds use Search, Recommendations and Listings, which use the data project: no two folders of
/// the web project import each other, however many folders the circle goes through.
/// </summary>
public sealed class FolderImportTests
{
    [Fact]
    public void No_folders_of_the_web_project_import_each_other()
    {
        var imports = FolderImports.Read(Path.Combine(Repository.Root, "src", "JobBoard.Web"), "JobBoard.Web");

        imports.Edges["Pages"].Keys.Should().Contain(["Search", "Listings", "Recommendations"], "the reading sees the page's imports");
        imports.Edges["Api"].Keys.Should().Contain(["Search", "Listings", "Recommendations"]);
        imports.MisplacedNamespaces.Should().BeEmpty("a namespace that is not its folder's would hide its imports");
        imports.Cycles().Should().BeEmpty();
    }

    [Fact]
    public void A_circle_of_imports_is_named_with_the_lines_that_make_it()
    {
        var project = Directory.CreateTempSubdirectory("folder-imports-");
        try
        {
            Write("A/One.cs", "using JobBoard.Web.B;\nnamespace JobBoard.Web.A;\npublic class One;");
            Write("B/Two.cs", "namespace JobBoard.Web.B;\npublic class Two { public JobBoard.Web.C.Three? Three { get; set; } }");
            Write("C/Three.cs", "namespace JobBoard.Web.C.Inner;\n// uses JobBoard.Web.A.One\npublic class Three;");
            Write("C/Views/_ViewImports.cshtml", "@using JobBoard.Web.D");
            Write("D/Four.cs", "namespace JobBoard.Web.Elsewhere;");
            Write("Program.cs", "using JobBoard.Web.A;");

            var imports = FolderImports.Read(project.FullName, "JobBoard.Web");

            imports.Cycles().Should().Equal(
                "A → B → C → A:\n" +
                "  A → B (A/One.cs:1: using JobBoard.Web.B;)\n" +
                "  B → C (B/Two.cs:2: public class Two { public JobBoard.Web.C.Three? Three { get; set; } })\n" +
                "  C → A (C/Three.cs:2: // uses JobBoard.Web.A.One)");
            imports.Edges["C"].Keys.Should().BeEquivalentTo("A", "D");
            imports.MisplacedNamespaces.Should().Equal("D/Four.cs: namespace JobBoard.Web.Elsewhere;");
        }
        finally
        {
            project.Delete(recursive: true);
        }

        void Write(string path, string text)
        {
            var file = Path.Combine(project.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
    }
}
