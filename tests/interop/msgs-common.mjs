// Prints the ROS 2 message definitions shipped in @foxglove/rosmsg-msgs-common as JSON:
// {"humble": {"pkg/Type": [field...]}, "jazzy": {...}} — an independent reference for our embedded .msg files.
import * as common from "@foxglove/rosmsg-msgs-common";

const out = {};
for (const [key, distro] of [["humble", common.ros2humble], ["jazzy", common.ros2jazzy]]) {
  out[key] = {};
  for (const [name, def] of Object.entries(distro)) out[key][name] = def.definitions;
}
process.stdout.write(JSON.stringify(out) + "\n");
