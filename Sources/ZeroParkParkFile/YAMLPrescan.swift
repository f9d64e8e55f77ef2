import CYaml
import ZeroParkCore

/// Reads a YAML text's events with libyaml before anything is composed, counting nodes with every
/// alias expanded and the nesting depth, so that an alias bomb or a deeply nested file is refused
/// in time linear in its size (issue #6: "parse with limits"). Composing such a file would cost
/// what it expands to: Yams walks aliased keys to check for duplicates.
public enum YAMLPrescan {
    /// The first limit the text exceeds, or nil (syntax errors are left to the composer, which
    /// reports them with their position).
    public static func check(_ yaml: String, maxNodes: Int, maxDepth: Int) -> ParkIssue? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> ParkIssue? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var nodes = 0
            var open: [(anchor: String?, start: Int)] = []
            var sizes: [String: Int] = [:]
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    nodes += 1
                    if let anchor = event.data.scalar.anchor { sizes[String(cString: anchor)] = 1 }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    nodes += 1
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    open.append((anchor.map { String(cString: $0) }, nodes))
                    guard open.count <= maxDepth else {
                        return ParkIssue(code: "too_deep", field: "(yaml)", message: "nested more than \(maxDepth) levels deep",
                                         zh: "嵌套超过 \(maxDepth) 层", location: mark)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (anchor, start) = open.popLast(), let anchor { sizes[anchor] = nodes - start + 1 }
                case YAML_ALIAS_EVENT:
                    if let anchor = event.data.alias.anchor { nodes += sizes[String(cString: anchor)] ?? 1 } else { nodes += 1 }
                default:
                    break
                }
                if nodes > maxNodes {
                    return ParkIssue(code: "too_many_nodes", field: "(yaml)",
                                     message: "the file expands to more than \(maxNodes) values (YAML aliases repeated too often)",
                                     zh: "文件展开后超过 \(maxNodes) 个值（YAML 别名重复引用过多）",
                                     location: mark)
                }
            }
        }
    }
}
