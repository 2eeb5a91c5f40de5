#!/bin/bash
# ROS 2 Jazzy, then the Apprentice colcon install, then the command.
set -e
source /opt/ros/jazzy/setup.bash
source /opt/apprentice/setup.bash
exec "$@"
