//
// CycloneDxInspector.cpp
//

#include "dtrack/CycloneDxInspector.h"
#include "dtrack/JsonBomReader.h"
#include "dtrack/XmlBomReader.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace sbomop {
namespace dtracksim {

BomInspection CycloneDxInspector::inspect(const std::string& document)
{
	static const std::string UTF8_BOM = "\xEF\xBB\xBF";
	const std::string content = document.compare(0, UTF8_BOM.size(), UTF8_BOM) == 0 ? document.substr(UTF8_BOM.size()) : document;

	BomInspection result;
	Poco::JSON::Object::Ptr root;
	try
	{
		Poco::JSON::Parser parser;
		const Poco::Dynamic::Var parsed = parser.parse(content);
		if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) root = parsed.extract<Poco::JSON::Object::Ptr>();
	}
	catch (Poco::Exception&)
	{
		// Not JSON: DT falls through to XML detection.
	}
	if (root)
	{
		JsonBomReader::read(root, result);
		return result;
	}
	if (XmlBomReader::read(content, result)) return result;
	result.reject("BOM is neither valid JSON nor XML");
	return result;
}

const std::string& CycloneDxInspector::maxSpecVersion()
{
	static const std::string MAX = "1.6";
	return MAX;
}

} } // namespace sbomop::dtracksim
