//
// ScanWorkspaceTest.cpp
//

#include "SyftTestSupport.h"
#include "sbomop/syft/ScanWorkspace.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace sbomop::testing;
using sbomop::syft::ScanWorkspace;

class ScanWorkspaceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ScanWorkspaceTest);
	CPPUNIT_TEST(testCreatesPrivateDirectoriesUnderTheRoot);
	CPPUNIT_TEST(testEveryWorkspaceIsNew);
	CPPUNIT_TEST(testPrivateFileIsOwnerOnlyAndCreatedExclusively);
	CPPUNIT_TEST(testPrivateFileNeverFollowsALink);
	CPPUNIT_TEST(testRemovesEverythingIncludingReadOnlyTrees);
	CPPUNIT_TEST(testRemovalDoesNotFollowSymbolicLinks);
	CPPUNIT_TEST(testMissingRootIsAFileError);
	CPPUNIT_TEST(testRemovesOnlyAbandonedWorkspaces);
	CPPUNIT_TEST_SUITE_END();

public:
	void testCreatesPrivateDirectoriesUnderTheRoot()
	{
		TempDir root;
		ScanWorkspace workspace(root.path());
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), workspace.path().find(root.path() + "/sbomop-syft-"));
		CPPUNIT_ASSERT_EQUAL(0700u, fileMode(workspace.path()));
		CPPUNIT_ASSERT_EQUAL(workspace.path() + "/tmp", workspace.tmpDir());
		CPPUNIT_ASSERT_EQUAL(0700u, fileMode(workspace.tmpDir()));
		CPPUNIT_ASSERT_EQUAL(workspace.path() + "/sbom.json", workspace.file("sbom.json"));
	}

	void testRemovesOnlyAbandonedWorkspaces()
	{
		TempDir root;
		ScanWorkspace live(root.path());
		// What a killed operator leaves: a workspace nobody holds, with a
		// credential file in it.
		const std::string abandoned = root.path() + "/sbomop-syft-k1ll3d";
		Poco::File(abandoned + "/tmp").createDirectories();
		{
			Poco::FileOutputStream out(abandoned + "/syft.yaml");
			out << "password: \"x\"\n";
		}
		const std::string unrelated = root.path() + "/other-tool";
		Poco::File(unrelated).createDirectories();

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), ScanWorkspace::removeAbandoned(root.path()));
		CPPUNIT_ASSERT(!Poco::File(abandoned).exists());
		CPPUNIT_ASSERT(Poco::File(live.path()).exists());
		CPPUNIT_ASSERT(Poco::File(unrelated).exists());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), ScanWorkspace::removeAbandoned(root.path() + "/missing"));
	}

	void testEveryWorkspaceIsNew()
	{
		TempDir root;
		ScanWorkspace first(root.path());
		ScanWorkspace second(root.path());
		CPPUNIT_ASSERT(first.path() != second.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), listDirectory(root.path()).size());
	}

	void testPrivateFileIsOwnerOnlyAndCreatedExclusively()
	{
		TempDir root;
		ScanWorkspace workspace(root.path());
		const mode_t old = ::umask(0);
		const std::string path = workspace.writePrivateFile("syft.yaml", "password: \"x\"\n");
		::umask(old);
		CPPUNIT_ASSERT_EQUAL(workspace.file("syft.yaml"), path);
		CPPUNIT_ASSERT_EQUAL(0600u, fileMode(path));
		CPPUNIT_ASSERT_EQUAL(std::string("password: \"x\"\n"), readFile(path));
		CPPUNIT_ASSERT_THROW(workspace.writePrivateFile("syft.yaml", "other"), Poco::FileExistsException);
		CPPUNIT_ASSERT_EQUAL(std::string("password: \"x\"\n"), readFile(path));
	}

	void testPrivateFileNeverFollowsALink()
	{
		TempDir root;
		TempDir outside;
		ScanWorkspace workspace(root.path());
		CPPUNIT_ASSERT_EQUAL(0, ::symlink(outside.file("target").c_str(), workspace.file("syft.yaml").c_str()));
		CPPUNIT_ASSERT_THROW(workspace.writePrivateFile("syft.yaml", "secret"), Poco::FileException);
		CPPUNIT_ASSERT(!Poco::File(outside.file("target")).exists());
	}

	void testRemovesEverythingIncludingReadOnlyTrees()
	{
		TempDir root;
		std::string path;
		{
			ScanWorkspace workspace(root.path());
			path = workspace.path();
			Poco::File(workspace.tmpDir() + "/stereoscope-1/layer/usr/bin").createDirectories();
			writeFile(workspace.tmpDir() + "/stereoscope-1/layer/usr/bin/tool", "x", 0555);
			::chmod((workspace.tmpDir() + "/stereoscope-1/layer/usr/bin").c_str(), 0555);
			::chmod((workspace.tmpDir() + "/stereoscope-1/layer").c_str(), 0500);
			workspace.writePrivateFile("syft.yaml", "x");
		}
		CPPUNIT_ASSERT(!Poco::File(path).exists());
		CPPUNIT_ASSERT(listDirectory(root.path()).empty());
	}

	void testRemovalDoesNotFollowSymbolicLinks()
	{
		TempDir root;
		TempDir outside;
		writeFile(outside.file("keep.txt"), "keep");
		ScanWorkspace workspace(root.path());
		CPPUNIT_ASSERT_EQUAL(0, ::symlink(outside.path().c_str(), (workspace.tmpDir() + "/link").c_str()));
		workspace.remove();
		workspace.remove();
		CPPUNIT_ASSERT(listDirectory(root.path()).empty());
		CPPUNIT_ASSERT_EQUAL(std::string("keep"), readFile(outside.file("keep.txt")));
	}

	void testMissingRootIsAFileError()
	{
		CPPUNIT_ASSERT_THROW(ScanWorkspace("/nonexistent/sbomop-root"), Poco::FileException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ScanWorkspaceTest, "Syft");
