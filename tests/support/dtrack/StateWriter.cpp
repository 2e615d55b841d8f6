//
// StateWriter.cpp
//

#include "dtrack/StateWriter.h"
#include "dtrack/StateDump.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <sstream>

namespace sbomop {
namespace dtracksim {

StateWriter::StateWriter(const ProjectStore& store, const std::string& directory):
	_store(store),
	_directory(directory)
{
	Poco::File(Poco::Path(directory, "boms").toString()).createDirectories();
}

void StateWriter::write()
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::ostringstream dump;
	StateDump::toJson(_store)->stringify(dump, 2);
	replaceFile(Poco::Path(_directory, "projects.json").toString(), dump.str());

	for (const auto& project: _store.projects())
	{
		const std::optional<BomUpload> upload = _store.lastUpload(project.uuid);
		if (!upload || !upload->document || _writtenTokens[project.uuid] == upload->token) continue;
		const std::string name = project.uuid + (upload->format == "XML" ? ".cdx.xml" : ".cdx.json");
		Poco::Path path = Poco::Path::forDirectory(_directory);
		path.pushDirectory("boms");
		path.setFileName(name);
		replaceFile(path.toString(), *upload->document);
		_writtenTokens[project.uuid] = upload->token;
	}
}

const std::string& StateWriter::directory() const
{
	return _directory;
}

void StateWriter::replaceFile(const std::string& path, const std::string& content)
{
	const std::string temporary = path + ".tmp";
	{
		Poco::FileOutputStream out(temporary, std::ios::out | std::ios::trunc | std::ios::binary);
		out.write(content.data(), static_cast<std::streamsize>(content.size()));
		out.close();
	}
	Poco::File(temporary).renameTo(path);
}

} } // namespace sbomop::dtracksim
