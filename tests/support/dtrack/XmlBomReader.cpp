//
// XmlBomReader.cpp
//

#include "dtrack/XmlBomReader.h"
#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/String.h>
#include <sstream>
#include <vector>

namespace sbomop {
namespace dtracksim {

namespace
{
	const std::string NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

	class BomHandler: public Poco::XML::DefaultHandler
		// Collects the namespaces declared on the `bom` element and counts
		// components.
	{
	public:
		bool bomSeen = false;
		std::string specVersion;
		std::vector<std::string> bomNamespaces;
		int components = 0;

		void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString& uri) override
		{
			_declared.push_back(uri);
		}

		void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
			const Poco::XML::XMLString&, const Poco::XML::Attributes&) override
		{
			if (!bomSeen && Poco::icompare(localName, "bom") == 0)
			{
				bomSeen = true;
				bomNamespaces = _declared;
				for (const auto& ns: bomNamespaces)
				{
					if (specVersion.empty()) specVersion = versionOf(ns);
				}
			}
			if (localName == "component" && !_stack.empty() && _stack.back() == "components") ++components;
			_stack.push_back(localName);
			_declared.clear();
		}

		void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override
		{
			if (!_stack.empty()) _stack.pop_back();
		}

	private:
		static std::string versionOf(const std::string& ns)
		{
			for (const char* version: {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"})
			{
				if (ns == NAMESPACE_PREFIX + version) return version;
			}
			return "";
		}

		std::vector<std::string> _declared;
		std::vector<std::string> _stack;
	};
}

bool XmlBomReader::read(const std::string& document, BomInspection& result)
{
	BomHandler handler;
	try
	{
		Poco::XML::SAXParser parser;
		parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
		parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, true);
		parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
		parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
		parser.setContentHandler(&handler);
		std::istringstream in(document);
		Poco::XML::InputSource source(in);
		parser.parse(&source);
	}
	catch (Poco::Exception&)
	{
		return false;
	}

	result.format = "XML";
	if (!handler.bomSeen)
	{
		result.reject("Unable to determine schema version from XML");
		return true;
	}
	if (handler.specVersion.empty())
	{
		std::string seen = "[";
		for (std::size_t i = 0; i < handler.bomNamespaces.size(); ++i)
		{
			if (i > 0) seen += ", ";
			seen += handler.bomNamespaces[i];
		}
		result.reject("Unable to determine schema version from XML namespaces " + seen + "]");
		return true;
	}
	result.specVersion = handler.specVersion;
	result.componentCount = handler.components;
	result.valid = true;
	return true;
}

} } // namespace sbomop::dtracksim
