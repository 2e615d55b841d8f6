//
// JobFixtures.cpp
//

#include "JobFixtures.h"
#include "kubesim/Json.h"
#include "kubesim/PodVolumes.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <sys/stat.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

TemporaryFolder::TemporaryFolder():
	_path(Poco::TemporaryFile::tempName())
{
	Poco::File(_path).createDirectories();
}

TemporaryFolder::~TemporaryFolder()
{
	try
	{
		Poco::File(_path).remove(true);
	}
	catch (Poco::Exception&)
	{
	}
}

const std::string& TemporaryFolder::path() const
{
	return _path;
}

std::string TemporaryFolder::write(const std::string& name, const std::string& content, int mode) const
{
	const std::string file = _path + "/" + name;
	{
		Poco::FileOutputStream out(file);
		out << content;
	}
	::chmod(file.c_str(), static_cast<mode_t>(mode));
	return file;
}

JobManifest::JobManifest(const std::string& jobName):
	name(jobName)
{
}

std::string JobManifest::json() const
{
	return "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{"
		+ (specFields.empty() ? "" : specFields + ",")
		+ "\"template\":{\"spec\":{" + (podSpecFields.empty() ? "" : podSpecFields + ",")
		+ "\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"job\",\"image\":\"" + image + "\""
		+ (containerFields.empty() ? "" : "," + containerFields) + "}]}}}}";
}

bool bubblewrapAvailable()
{
	Poco::Path found;
	return Poco::Path::find(Poco::Environment::get("PATH", ""), "bwrap", found);
}

bool processRunning(const std::string& argument)
{
	for (Poco::DirectoryIterator it(std::string("/proc")), end; it != end; ++it)
	{
		const std::string& name = it.name();
		if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
		std::string commandLine;
		try
		{
			Poco::FileInputStream in("/proc/" + name + "/cmdline");
			Poco::StreamCopier::copyToString(in, commandLine);
		}
		catch (Poco::Exception&)
		{
			continue;   // ended meanwhile
		}
		std::size_t start = 0;
		while (start < commandLine.size())
		{
			std::size_t end = commandLine.find('\0', start);
			if (end == std::string::npos) end = commandLine.size();
			if (commandLine.compare(start, end - start, argument) == 0) return true;
			start = end + 1;
		}
	}
	return false;
}

std::set<std::string> volumeFolders()
{
	std::set<std::string> folders;
	for (Poco::DirectoryIterator it(Poco::Path::temp()), end; it != end; ++it)
	{
		if (it.name().compare(0, PodVolumes::FOLDER_PREFIX.size(), PodVolumes::FOLDER_PREFIX) == 0) folders.insert(it.name());
	}
	return folders;
}

std::vector<std::string> conditionTypes(const Object::Ptr& job)
{
	std::vector<std::string> types;
	Array::Ptr conditions = Json::array(Json::object(job, "status"), "conditions");
	for (unsigned i = 0; conditions && i < conditions->size(); ++i) types.push_back(Json::string(conditions->getObject(i), "type"));
	return types;
}

Object::Ptr condition(const Object::Ptr& job, const std::string& type)
{
	Array::Ptr conditions = Json::array(Json::object(job, "status"), "conditions");
	for (unsigned i = 0; conditions && i < conditions->size(); ++i)
	{
		if (Json::string(conditions->getObject(i), "type") == type) return conditions->getObject(i);
	}
	return nullptr;
}

std::string statusSummary(const Object::Ptr& job)
{
	Object::Ptr status = Json::object(job, "status");
	std::string types;
	for (const auto& type: conditionTypes(job)) types += (types.empty() ? "" : ",") + type;
	return Json::string(status, "active") + "/" + Json::string(status, "ready") + "/" + Json::string(status, "succeeded") + "/"
		+ Json::string(status, "failed") + "/" + types;
}

std::string referenceOpenApiFolder()
{
	// The project's copy of the v1.28 OpenAPI v3 schemas.
	const std::string folder = std::string(SBOMOP_SOURCE_DIR) + "/tests/fixtures/openapi";
	return Poco::File(folder).exists() ? folder : std::string();
}

} } // namespace sbomop::kubesim
